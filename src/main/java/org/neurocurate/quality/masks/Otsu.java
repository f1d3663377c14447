package org.neurocurate.quality.masks;

/**
 * Otsu's threshold (IEEE SMC 9(1):62–66, 1979): the cut of a 1024-bin histogram between the minimum
 * and the 99.9th-percentile bin that maximises the between-class variance.
 */
public final class Otsu {

    private static final int BINS = 1024;

    private Otsu() {
    }

    /** Threshold of the values where {@code include} is set (all values when it is null). */
    public static double threshold(float[] values, boolean[] include) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (include == null || include[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (!(max > min)) {
            return min;
        }
        long[] hist = new long[BINS];
        double scale = (BINS - 1) / (max - min);
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            if (include == null || include[i]) {
                hist[(int) ((values[i] - min) * scale)]++;
                total++;
            }
        }
        int top = BINS - 1;
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += hist[b];
            if (seen >= 0.999 * total) {
                top = b;
                break;
            }
        }
        double sumAll = 0;
        long count = 0;
        for (int b = 0; b <= top; b++) {
            sumAll += (double) b * hist[b];
            count += hist[b];
        }
        double bestVar = -1;
        int best = 0;
        double sumLow = 0;
        long low = 0;
        for (int b = 0; b < top; b++) {
            low += hist[b];
            sumLow += (double) b * hist[b];
            long high = count - low;
            if (low == 0 || high == 0) {
                continue;
            }
            double m0 = sumLow / low;
            double m1 = (sumAll - sumLow) / high;
            double between = (double) low * high * (m0 - m1) * (m0 - m1);
            if (between > bestVar) {
                bestVar = between;
                best = b;
            }
        }
        return min + (best + 1) / scale;
    }
}
