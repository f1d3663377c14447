package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TierReasonsTest {

    private static final List<String> IQMS = List.of("efc", "qi_1", "cnr", "cjv");
    private static final RobustReference REF = new RobustReference(new double[] {0.5, 0.001, 3, 0.4},
            new double[] {0.03, 0.004, 0.5, 0.05}, 184);

    @Test
    void namesTheFarIqmsWithValuesZAndLikelyCause() {
        double[] raw = {0.61, 0.0122, 3.1, 0.41}; // efc z=3.7, qi_1 z=2.8
        String r = TierReasons.reason(2, TierReasons.deviations(IQMS, raw, REF), "the site norm of NYU", 184);
        assertEquals("tier 2: efc=0.61 and qi_1=0.0122 far above the site norm of NYU (n=184; z=3.7, 2.8),"
                + " likely motion or ghosting", r);
    }

    @Test
    void lowValuesOfHigherIsBetterIqmsCountAsBad() {
        double[] raw = {0.5, 0.001, 1.5, 0.4}; // cnr z = -3
        String r = TierReasons.reason(1, TierReasons.deviations(IQMS, raw, REF), "the global norm", 1101);
        assertTrue(r.startsWith("tier 1: cnr=1.5 far below the global norm (n=1101; z=-3.0)"), r);
    }

    @Test
    void goodScansReportTheLargestDeviationWithinTheNorm() {
        double[] raw = {0.52, 0.001, 3, 0.4};
        String r = TierReasons.reason(5, TierReasons.deviations(IQMS, raw, REF), "the site norm of A", 40);
        assertTrue(r.startsWith("tier 5: key IQMs within the site norm of A (n=40; largest deviation efc=0.52 z=0.7)"), r);
    }

    @Test
    void missingKeyIqmsAreSkipped() {
        double[] raw = {Double.NaN, Double.NaN, Double.NaN, 0.6}; // only cjv, z=4
        String r = TierReasons.reason(1, TierReasons.deviations(IQMS, raw, REF), "the table norm", 12);
        assertTrue(r.contains("cjv=0.6 far above") && !r.contains("efc"), r);
    }
}
