package org.neurocurate.quality.iqm;

import java.util.stream.IntStream;

/**
 * {@code slice_dropout}: NeuroCurate's own measure (MRIQC has none) of signal lost in a slice or a
 * slab of slices, as when a slice group fails, an RF or gradient fault hits some slices, or a
 * susceptibility void spans a slab. Such a loss scales every tissue of the affected slices by the same
 * factor, which no IQM of MRIQC sees: the tissue model, the brain mask and the noise statistics adapt
 * to it, so a scan with a dark band through the brain can look clean (generated cohorts: scans with
 * half their signal gone in a slab scored tier 5 on MRIQC's IQMs).
 *
 * <p>Definition, on the raw image (before bias correction, which would absorb part of the loss) and the
 * head mask, for each voxel axis: the intensity step between adjacent slices t−1 and t is
 * <pre>
 *   s(t) = median over P(t) of ln(I_t / I_{t−1})
 * </pre>
 * where P(t) holds the in-plane positions with signal in either slice (inside the head mask, or at
 * least as bright as the head mask's lower quartile: a dark slab can cut the head mask in two, of which
 * it keeps the larger part), with both intensities above 0, whose brighter value of the pair is at
 * least the median of those brighter values (the bright half: tissue rather than skull, CSF or noise;
 * a threshold relative to the two slices themselves, so a dark slab is measured as well as a bright
 * one). A median over positions ignores anatomy, which
 * changes some positions up and others down between slices, but follows a change of every position at
 * once. The steps add up to a log-intensity profile L(t) = Σ_{u ≤ t} s(u) over the head's extent along
 * the axis (from the first to the last slice whose area with signal is at least half the largest). A
 * dropout is a valley of L: the depth at t is
 * <pre>
 *   d(t) = min(max L over [t−W, t), max L over (t, t+W]) − L(t),   W = a third of the extent
 * </pre>
 * for t in the middle three fifths of the extent (W bounds how much of a smooth bias field's curvature
 * counts as a valley and still reaches past a slab of up to a quarter of the head; the outer fifths,
 * where the head's cross-section and tissue mix change fastest, gave clean scans' largest valleys).
 * {@code slice_dropout} = 1 − exp(−max d) over all axes and slices: the fraction of signal the worst
 * slab lost against the slices on both sides of it, 0 for a scan whose intensity never dips and rises
 * again, towards 1 for a black slab. Measured on generated 4 mm scans of four sites: clean 0.05–0.17
 * (the highest with 12 mm slices), other artefacts up to 0.28, a slab attenuated by a fraction a
 * (0.3–0.8) about a (0.22–0.87).
 *
 * <p>Edge cases: an axis whose extent is under {@value #MIN_SLICES} slices, or steps with fewer
 * than {@value #MIN_POSITIONS} positions, contribute nothing; no head mask at all gives NaN.
 */
public final class SliceDropout {

    /** The IQM's key. */
    public static final String KEY = "slice_dropout";

    /** Fewest slices of extent along an axis for its profile to be measured. */
    static final int MIN_SLICES = 4;

    /** Fewest in-plane positions behind a step. */
    static final int MIN_POSITIONS = 10;

    private SliceDropout() {
    }

    /**
     * The measure of one image.
     *
     * @param image raw intensities, i fastest
     * @param head  head mask on the same grid
     * @param dims  grid size along i, j, k (voxels)
     */
    public static double compute(float[] image, boolean[] head, int[] dims) {
        if (image.length != head.length || (long) dims[0] * dims[1] * dims[2] != image.length) {
            throw new IllegalArgumentException("image, head mask and grid " + dims[0] + "x" + dims[1] + "x" + dims[2]
                    + " disagree in size");
        }
        boolean[] signal = signal(image, head, dims);
        if (signal == null) {
            return Double.NaN;
        }
        float[] logs = new float[image.length];
        int plane = dims[0] * dims[1];
        IntStream.range(0, dims[2]).parallel().forEach(k -> {
            for (int i = k * plane, end = i + plane; i < end; i++) {
                logs[i] = image[i] > 0 ? (float) Math.log(image[i]) : Float.NaN;
            }
        });
        double worst = IntStream.range(0, 3).parallel()
                .mapToDouble(axis -> deepestValley(image, logs, signal, dims, axis)).max().orElse(0);
        return 1 - Math.exp(-worst);
    }

    /**
     * The head mask joined by every voxel at least as bright as its lower quartile, or null without a
     * head: a dark slab can cut the head mask in two, and the mask keeps only its largest part, while
     * the slices beyond the slab still hold the signal the slab is compared with.
     */
    private static boolean[] signal(float[] image, boolean[] head, int[] dims) {
        double[] inside = OrderStatistics.valuesIn(image, head);
        if (inside.length == 0) {
            return null;
        }
        double level = OrderStatistics.percentile(inside, inside.length, 25);
        boolean[] signal = new boolean[image.length];
        int plane = dims[0] * dims[1];
        IntStream.range(0, dims[2]).parallel().forEach(k -> {
            for (int i = k * plane, end = i + plane; i < end; i++) {
                signal[i] = head[i] || image[i] >= level && image[i] > 0;
            }
        });
        return signal;
    }

    /**
     * The largest valley depth (natural-log units) of the axis's profile, 0 when it cannot be measured;
     * {@code logs} holds the natural logarithm of every positive voxel.
     */
    private static double deepestValley(float[] image, float[] logs, boolean[] signal, int[] dims, int axis) {
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int a1 = (axis + 1) % 3;
        int a2 = (axis + 2) % 3;
        int n = dims[axis];
        int plane = dims[a1] * dims[a2];
        int[] offsets = new int[plane];
        for (int u = 0, p = 0; u < dims[a1]; u++) {
            for (int v = 0; v < dims[a2]; v++, p++) {
                offsets[p] = u * stride[a1] + v * stride[a2];
            }
        }
        int[] area = new int[n];
        int largest = 0;
        for (int t = 0; t < n; t++) {
            for (int off : offsets) {
                area[t] += signal[off + t * stride[axis]] ? 1 : 0;
            }
            largest = Math.max(largest, area[t]);
        }
        int first = 0;
        while (2 * area[first] < largest) {
            first++;
        }
        int last = n - 1;
        while (2 * area[last] < largest) {
            last--;
        }
        if (last - first + 1 < MIN_SLICES) {
            return 0;
        }
        double[] profile = new double[last - first + 1];
        double[] brighter = new double[plane];
        double[] logRatio = new double[plane];
        for (int t = first + 1; t <= last; t++) {
            int m = 0;
            for (int off : offsets) {
                int i = off + t * stride[axis];
                int j = i - stride[axis];
                if ((signal[i] || signal[j]) && image[i] > 0 && image[j] > 0) {
                    brighter[m] = Math.max(image[i], image[j]);
                    logRatio[m] = logs[i] - logs[j];
                    m++;
                }
            }
            profile[t - first] = profile[t - first - 1] + brightHalfMedian(brighter, logRatio, m);
        }
        int w = Math.max(1, profile.length / 3);
        double deepest = 0;
        int margin = Math.max(1, profile.length / 5);
        for (int t = margin; t < profile.length - margin; t++) {
            double left = Double.NEGATIVE_INFINITY;
            for (int u = Math.max(0, t - w); u < t; u++) {
                left = Math.max(left, profile[u]);
            }
            double right = Double.NEGATIVE_INFINITY;
            for (int u = t + 1; u <= Math.min(profile.length - 1, t + w); u++) {
                right = Math.max(right, profile[u]);
            }
            deepest = Math.max(deepest, Math.min(left, right) - profile[t]);
        }
        return deepest;
    }

    /** Median log ratio of the pairs whose brighter value reaches the median brighter value; 0 for too few pairs. */
    private static double brightHalfMedian(double[] brighter, double[] logRatio, int m) {
        if (m < MIN_POSITIONS) {
            return 0;
        }
        double[] scratch = java.util.Arrays.copyOf(brighter, m);
        double threshold = OrderStatistics.median(scratch, m);
        int k = 0;
        for (int p = 0; p < m; p++) {
            if (brighter[p] >= threshold) {
                scratch[k++] = logRatio[p];
            }
        }
        return OrderStatistics.median(scratch, k);
    }
}
