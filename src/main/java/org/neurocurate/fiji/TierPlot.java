package org.neurocurate.fiji;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ij.gui.Plot;

/**
 * The distribution of one IQM per quality tier (1 unusable … 5 excellent): every scan as a point at its
 * tier (with a small seeded horizontal jitter so equal values stay visible) and each tier's median as a
 * bar, so a user sees which IQMs separate the tiers.
 */
final class TierPlot {

    private static final double JITTER = 0.15;

    private TierPlot() {
    }

    /**
     * @param iqm    the IQM's name (axis label)
     * @param values one value per scan (NaN values are left out)
     * @param tiers  one tier per scan, 1 to 5 (others are left out)
     */
    static Plot of(String iqm, double[] values, int[] tiers) {
        Plot plot = new Plot(iqm + " by quality tier", "tier (1 unusable ... 5 excellent)", iqm);
        Random jitter = new Random(0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= 5; t++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (tiers[i] == t && Double.isFinite(values[i])) {
                    x.add(t + (jitter.nextDouble() * 2 - 1) * JITTER);
                    y.add(values[i]);
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
            }
            if (y.isEmpty()) {
                continue;
            }
            plot.setColor(Color.getHSBColor((t - 1) / 6f, 0.8f, 0.75f));
            plot.addPoints(toArray(x), toArray(y), Plot.CIRCLE);
            double median = median(toArray(y));
            plot.setColor(Color.BLACK);
            plot.drawLine(t - 0.3, median, t + 0.3, median);
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : 1;
        plot.setLimits(0.5, 5.5, Double.isFinite(lo) ? lo - pad : 0, Double.isFinite(hi) ? hi + pad : 1);
        return plot;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
