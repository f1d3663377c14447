package org.neurocurate.quality.masks;

/**
 * Otsu's thresholds for three classes (Otsu, IEEE SMC 9(1):62–66, 1979, multilevel as in Liao, Chen &amp;
 * Chung, J Inf Sci Eng 17:713–727, 2001): the pair of cuts of a 1024-bin histogram between the minimum
 * and the 99.9th-percentile bin that maximises the between-class variance, Σ S_k² / N_k over the
 * classes' counts N_k and sums S_k.
 */
public final class Otsu {

    private static final int BINS = 1024;

    private Otsu() {
    }

    /**
     * The two thresholds (ascending) that split the values where {@code include} is set (all when null)
     * into three classes; both equal the minimum when the values are constant.
     */
    public static double[] thresholds3(float[] values, boolean[] include) {
        Histogram h = Histogram.of(values, include, BINS);
        if (h == null) {
            double m = min(values, include);
            return new double[] {m, m};
        }
        int n = h.quantileBin(0.999) + 1;
        long[] count = new long[n + 1];
        double[] sum = new double[n + 1];
        for (int b = 0; b < n; b++) {
            count[b + 1] = count[b] + h.counts()[b];
            sum[b + 1] = sum[b] + (double) b * h.counts()[b];
        }
        double best = -1;
        int lowCut = 0;
        int highCut = 0;
        for (int a = 1; a < n - 1; a++) {
            double first = share(count, sum, 0, a);
            for (int b = a + 1; b < n; b++) {
                double between = first + share(count, sum, a, b) + share(count, sum, b, n);
                if (between > best) {
                    best = between;
                    lowCut = a - 1;
                    highCut = b - 1;
                }
            }
        }
        return new double[] {h.upperEdge(lowCut), h.upperEdge(highCut)};
    }

    /** S²/N of the bins [from, to) from cumulative counts and sums; 0 for an empty class. */
    private static double share(long[] count, double[] sum, int from, int to) {
        long c = count[to] - count[from];
        double s = sum[to] - sum[from];
        return c == 0 ? 0 : s * s / c;
    }

    private static double min(float[] values, boolean[] include) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (include == null || include[i]) {
                min = Math.min(min, values[i]);
            }
        }
        return min;
    }
}
