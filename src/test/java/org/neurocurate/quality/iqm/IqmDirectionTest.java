package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neurocurate.progress.ProgressListener;

/**
 * With masks and maps fixed, degrading the image moves the IQMs the way MRIQC documents: noise lowers
 * snr and cnr, intensity non-uniformity raises cjv and inu_range; monotonically over three levels.
 */
class IqmDirectionTest {

    private static final IqmCalculator CALC = IqmCalculator.withAllFeatures();

    private static Map<String, Double> iqms(double noise, double bias) {
        return CALC.compute(new IqmPhantom(32, noise, bias, 7).inputs(), ProgressListener.NONE);
    }

    @Test
    void moreNoiseLowersSnrAndCnr() {
        Map<String, Double> low = iqms(10, 0);
        Map<String, Double> mid = iqms(30, 0);
        Map<String, Double> high = iqms(60, 0);
        for (String k : new String[] {"snr_wm", "snr_total", "cnr", "snrd_total"}) {
            assertTrue(low.get(k) > mid.get(k) && mid.get(k) > high.get(k),
                    k + " should fall with noise: " + low.get(k) + ", " + mid.get(k) + ", " + high.get(k));
        }
    }

    @Test
    void strongerBiasRaisesCjvAndInuRange() {
        Map<String, Double> none = iqms(10, 0);
        Map<String, Double> mild = iqms(10, 0.3);
        Map<String, Double> strong = iqms(10, 0.6);
        for (String k : new String[] {"cjv", "inu_range"}) {
            assertTrue(none.get(k) < mild.get(k) && mild.get(k) < strong.get(k),
                    k + " should rise with bias: " + none.get(k) + ", " + mild.get(k) + ", " + strong.get(k));
        }
    }
}
