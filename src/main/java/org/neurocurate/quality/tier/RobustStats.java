package org.neurocurate.quality.tier;

import java.util.Arrays;

/** Order statistics that skip NaN: median, quantiles with linear interpolation (numpy's default), IQR, MAD. */
public final class RobustStats {

    private RobustStats() {
    }

    /** The q-quantile (0..1) of the finite values, linear interpolation between order statistics; NaN if none. */
    public static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Interquartile range q(0.75) - q(0.25). */
    public static double iqr(double[] values) {
        return quantile(values, 0.75) - quantile(values, 0.25);
    }

    /** Median absolute deviation from the median of the finite values; NaN if none. */
    public static double mad(double[] values) {
        double m = median(values);
        return median(Arrays.stream(values).filter(Double::isFinite).map(v -> Math.abs(v - m)).toArray());
    }

    /** Number of finite values. */
    public static int finiteCount(double[] values) {
        return (int) Arrays.stream(values).filter(Double::isFinite).count();
    }
}
