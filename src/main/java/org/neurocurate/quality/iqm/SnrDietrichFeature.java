package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code snrd_<tissue>} and {@code snrd_total}: Dietrich's SNR against the air background
 * (mriqc/qc/anatomical.py {@code snr_dietrich}; Dietrich et al., JMRI 26(2):375–385, 2007, eq. A.12):
 * SNRd = 0.6551364·μ / MAD<sub>air</sub>, where 0.6551364 = 1/√(2/(4−π)) corrects for the Rayleigh
 * distribution of air noise. If MAD<sub>air</sub> ≤ 1 (or undefined) the air standard deviation is used
 * instead, and when that is ≤ 1e−3 (or undefined) the value is −1, as MRIQC defines for skull-stripped
 * or background-free images. Total = mean over CSF, WM, GM. Higher is better.
 */
public final class SnrDietrichFeature implements IqmFeature {

    /** 1/√(2/(4−π)), MRIQC's constant to the digits it uses. */
    static final double DIETRICH_FACTOR = 0.6551364;

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.tissues()) {
            out.add(IqmDefinition.of("snrd_" + r.key(), Direction.HIGHER_IS_BETTER,
                    "0.6551364 * median / mad_bg in " + r.key() + " (stdv_bg if mad_bg <= 1; -1 if no background)"));
        }
        out.add(IqmDefinition.of("snrd_total", Direction.HIGHER_IS_BETTER, "mean of snrd_csf, snrd_wm, snrd_gm"));
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        RegionSummary bg = context.summary(Region.BG);
        double sum = 0;
        for (Region r : new Region[] {Region.CSF, Region.WM, Region.GM}) {
            double v = snrDietrich(context.summary(r).median(), bg.mad(), bg.stdv());
            sum += v;
            out.put("snrd_" + r.key(), v);
        }
        out.put("snrd_total", sum / 3);
    }

    /** The three branches of MRIQC's snr_dietrich; NaN comparisons fall through as in Python. */
    static double snrDietrich(double mu, double madAir, double sigmaAir) {
        if (madAir > 1.0) {
            return DIETRICH_FACTOR * mu / madAir;
        }
        if (sigmaAir > 1e-3) {
            return DIETRICH_FACTOR * mu / sigmaAir;
        }
        return -1.0;
    }
}
