package org.neurocurate.quality.tier;

import java.util.List;

/**
 * A location and scale per feature: the median and interquartile range of a reference group of scans
 * (one site, or all scans). A robust z-score is {@code (x - median) / scale}.
 *
 * @param median  per feature, in the feature's own unit
 * @param scale   per feature, > 0
 * @param scans   how many scans the reference was computed from
 */
public record RobustReference(double[] median, double[] scale, int scans) {

    /**
     * The reference of a group of rows. A feature whose IQR is 0 or undefined in the group (e.g. qi_1,
     * which is 0 on most scans of some sites) takes its scale from {@code fallback}, or 1 without one.
     *
     * @param rows      row-major values of the group, NaN for missing
     * @param fallback  a wider reference for degenerate scales (may be null)
     */
    public static RobustReference of(List<double[]> rows, int features, RobustReference fallback) {
        return of(rows, features, fallback, false);
    }

    /**
     * As {@link #of(List, int, RobustReference)} with every scale twice the median absolute deviation,
     * the IQR of a normal sample with that MAD: it still measures the spread of the better half when
     * up to half the rows are outliers, where the IQR breaks down at a quarter.
     */
    public static RobustReference ofMedianDeviation(List<double[]> rows, int features, RobustReference fallback) {
        return of(rows, features, fallback, true);
    }

    private static RobustReference of(List<double[]> rows, int features, RobustReference fallback, boolean mad) {
        double[] med = new double[features];
        double[] scale = new double[features];
        double[] col = new double[rows.size()];
        for (int f = 0; f < features; f++) {
            for (int i = 0; i < rows.size(); i++) {
                col[i] = rows.get(i)[f];
            }
            med[f] = RobustStats.median(col);
            double s = mad ? 2 * RobustStats.mad(col) : RobustStats.iqr(col);
            if (!(s > 1e-12 * Math.max(1, Math.abs(med[f])))) {
                s = fallback != null ? fallback.scale[f] : 1;
            }
            if (Double.isNaN(med[f])) {
                med[f] = fallback != null ? fallback.median[f] : 0;
            }
            scale[f] = s;
        }
        return new RobustReference(med, scale, rows.size());
    }

    /** Robust z of value {@code v} of feature {@code f}. */
    public double z(int f, double v) {
        return (v - median[f]) / scale[f];
    }
}
