package org.neurocurate.learn.data;

import java.util.Arrays;

/**
 * Robust intensity normalisation inside the head: a head mask by Otsu's threshold (Otsu 1979, on a
 * 256-bin histogram of all voxels), the low and high percentiles p_lo, p_hi of the voxels inside it,
 * then v ↦ clip((v − p_lo) / (p_hi − p_lo), CLIP_LOW, CLIP_HIGH) for every voxel. Scanner units and
 * bias in the background then matter little, and outliers (vessels, fat) are bounded.
 */
public final class IntensityNormaliser {

    public static final float CLIP_LOW = -0.5f;
    public static final float CLIP_HIGH = 2.0f;

    private IntensityNormaliser() {
    }

    /**
     * A new normalised array.
     *
     * @throws IllegalArgumentException when the volume is constant (no head to find)
     */
    public static float[] normalise(float[] v, double lowPercentile, double highPercentile) {
        float threshold = otsu(v);
        int inside = 0;
        for (float f : v) {
            inside += f > threshold ? 1 : 0;
        }
        float[] head = new float[inside];
        int k = 0;
        for (float f : v) {
            if (f > threshold) {
                head[k++] = f;
            }
        }
        Arrays.sort(head);
        double lo = percentile(head, lowPercentile);
        double hi = percentile(head, highPercentile);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("intensities inside the head are constant (" + lo + ")");
        }
        float[] out = new float[v.length];
        double scale = 1 / (hi - lo);
        for (int i = 0; i < v.length; i++) {
            float n = (float) ((v[i] - lo) * scale);
            out[i] = Math.min(CLIP_HIGH, Math.max(CLIP_LOW, n));
        }
        return out;
    }

    /** Otsu's threshold: the bin edge maximising the between-class variance of a 256-bin histogram. */
    static float otsu(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        if (!(max > min)) {
            throw new IllegalArgumentException("the volume is constant (" + min + ")");
        }
        int bins = 256;
        long[] hist = new long[bins];
        double width = (max - min) / bins;
        for (float f : v) {
            hist[Math.min(bins - 1, (int) ((f - min) / width))]++;
        }
        double total = v.length;
        double sumAll = 0;
        for (int b = 0; b < bins; b++) {
            sumAll += b * (double) hist[b];
        }
        double best = -1;
        int bestBin = 0;
        double w0 = 0;
        double sum0 = 0;
        for (int b = 0; b < bins - 1; b++) {
            w0 += hist[b];
            sum0 += b * (double) hist[b];
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double m0 = sum0 / w0;
            double m1 = (sumAll - sum0) / w1;
            double between = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        return (float) (min + (bestBin + 1) * width);
    }

    /** Linear-interpolated percentile (0–100) of a sorted array. */
    static double percentile(float[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
