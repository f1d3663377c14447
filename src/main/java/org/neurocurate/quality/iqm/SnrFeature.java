package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code snr_<tissue>} and {@code snr_total}: within-tissue signal-to-noise ratio
 * (mriqc/qc/anatomical.py {@code snr}; Magnotta &amp; Friedman, J Digit Imaging 19(2):140–147, 2006):
 * SNR = μ / (σ·√(n/(n−1))), with μ the weighted median, σ the weighted standard deviation and n the
 * partial-volume voxel count of the tissue ({@link RegionSummary}); total = mean over CSF, WM, GM.
 * Higher is better.
 */
public final class SnrFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.tissues()) {
            out.add(IqmDefinition.of("snr_" + r.key(), Direction.HIGHER_IS_BETTER,
                    "median / (stdv * sqrt(n / (n - 1))) in " + r.key()));
        }
        out.add(IqmDefinition.of("snr_total", Direction.HIGHER_IS_BETTER, "mean of snr_csf, snr_wm, snr_gm"));
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        double sum = 0;
        for (Region r : new Region[] {Region.CSF, Region.WM, Region.GM}) {
            RegionSummary s = context.summary(r);
            double v = snr(s.median(), s.stdv(), s.n());
            sum += v;
            out.put("snr_" + r.key(), v);
        }
        out.put("snr_total", sum / 3);
    }

    /** μ / (σ·√(n/(n−1))). */
    static double snr(double mu, double sigma, double n) {
        return mu / (sigma * Math.sqrt(n / (n - 1)));
    }
}
