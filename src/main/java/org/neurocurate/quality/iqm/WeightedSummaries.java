package org.neurocurate.quality.iqm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MRIQC's weighted summary statistics (mriqc/qc/anatomical.py {@code summary_stats}, which builds
 * statsmodels {@code DescrStatsW} on the image rounded to 0 decimals with weights = the probability
 * map rounded to 3 decimals in float32), computed for several maps in one pass over the voxels.
 *
 * <p>Weighted quantiles follow statsmodels {@code DescrStatsW.quantile} (SAS definition 5): values are
 * aggregated over ties (every distinct rounded value present in the image, even with zero total
 * weight), cumulative weights W<sub>j</sub> are searched for the first W<sub>j</sub> ≥ p·W<sub>total</sub>,
 * and an exact hit (|p·W − W<sub>j</sub>| &lt; 1e−10, j not last) averages value j and j+1. With all
 * weights zero this gives the mean of the two smallest distinct values, as statsmodels does.
 *
 * <p>Because rounded intensities are integers, ties are aggregated in a dense histogram indexed by
 * value (one pass, no sort) whenever the intensity range is at most a few times the voxel count;
 * otherwise the distinct values are sorted once and looked up by binary search.
 */
final class WeightedSummaries {

    /** numpy {@code finfo(float64).resolution}, scipy's threshold for a numerically zero variance in kurtosis. */
    private static final double RESOLUTION = 1e-15;
    private static final double EXACT_HIT = 1e-10;
    /**
     * Chunks of the pass over the voxels, summed in parallel and added in order: a fixed number, so the
     * sums do not depend on the thread count.
     */
    private static final int CHUNKS = 16;
    /** Doubles all chunks' partial sums may take together (32 MB; fewer chunks for many distinct values). */
    private static final long PARTS_BUDGET = 1L << 22;

    private WeightedSummaries() {
    }

    /**
     * The summary of each map over {@code image} (already cleaned of NaN and negatives); the shared pass
     * over the voxels runs in chunks in parallel, then the maps' summaries are computed in parallel.
     */
    static RegionSummary[] compute(float[] image, float[][] maps) {
        ValueGroups groups = ValueGroups.of(image);
        int m = maps.length;
        int count = groups.count();
        // per chunk, the weight of each map per group and (last) each map's sum; added up in chunk order
        // into the first chunk's arrays
        int chunks = (int) Math.max(1, Math.min(CHUNKS, PARTS_BUDGET / ((long) m * count + m)));
        List<double[][]> parts = ParallelRanges.byCount(image.length, chunks, (from, to) -> {
            double[][] part = new double[m + 1][];
            for (int k = 0; k < m; k++) {
                part[k] = new double[count];
            }
            part[m] = new double[m];
            for (int v = from; v < to; v++) {
                int g = groups.groupOf(Math.rint(image[v]));
                for (int k = 0; k < m; k++) {
                    float p = maps[k][v];
                    if (p != 0) {
                        part[m][k] += p;
                        float w = roundFloat32(p, 1000f);
                        if (w != 0) {
                            part[k][g] += w;
                        }
                    }
                }
            }
            return part;
        });
        double[][] weightPerGroup = parts.get(0);
        for (double[][] part : parts.subList(1, chunks)) {
            for (int k = 0; k <= m; k++) {
                for (int g = 0; g < weightPerGroup[k].length; g++) {
                    weightPerGroup[k][g] += part[k][g];
                }
            }
        }
        double[] mapSum = weightPerGroup[m];
        return IntStream.range(0, m).parallel()
                .mapToObj(k -> summarise(image, maps[k], groups.values(), weightPerGroup[k], mapSum[k]))
                .toArray(RegionSummary[]::new);
    }

    private static RegionSummary summarise(float[] image, float[] map, double[] values, double[] weights, double n) {
        double total = 0;
        double weighted = 0;
        for (int g = 0; g < values.length; g++) {
            total += weights[g];
            weighted += weights[g] * values[g];
        }
        double mean = weighted / total;
        double squares = 0;
        for (int g = 0; g < values.length; g++) {
            double d = values[g] - mean;
            squares += weights[g] * d * d;
        }
        double std = Math.sqrt(squares / total);
        double[] q = quantiles(values, weights, new double[] {0.05, 0.5, 0.95});
        double[] thresholded = thresholded(image, map);
        return new RegionSummary(round4(mean), round4(q[1]), round4(q[2]), round4(q[0]),
                round4(kurtosis(thresholded)), round4(std), round4(OrderStatistics.mad(thresholded, q[1])), n);
    }

    /** statsmodels DescrStatsW quantiles (SAS definition 5) on tie-aggregated sorted values. */
    static double[] quantiles(double[] values, double[] weights, double[] probs) {
        int g = values.length;
        double[] cumulative = new double[g];
        double running = 0;
        for (int i = 0; i < g; i++) {
            running += weights[i];
            cumulative[i] = running;
        }
        double[] out = new double[probs.length];
        for (int p = 0; p < probs.length; p++) {
            double target = probs[p] * running;
            int i = firstAtLeast(cumulative, target);
            if (i >= g) {
                i = g - 1;
            }
            boolean exactHit = Math.abs(target - cumulative[i]) < EXACT_HIT && i < g - 1;
            out[p] = exactHit ? (values[i] + values[i + 1]) / 2 : values[i];
        }
        return out;
    }

    /** numpy {@code searchsorted(side="left")}: the first index whose value is ≥ target. */
    private static int firstAtLeast(double[] sorted, double target) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Unrounded image values where the map exceeds half its maximum (MRIQC's kurtosis and MAD sample). */
    private static double[] thresholded(float[] image, float[] map) {
        float max = Float.NEGATIVE_INFINITY;
        for (float p : map) {
            max = Math.max(max, p);
        }
        double threshold = 0.5 * max;
        int count = 0;
        for (float p : map) {
            if (p > threshold) {
                count++;
            }
        }
        double[] out = new double[count];
        int j = 0;
        for (int v = 0; v < map.length; v++) {
            if (map[v] > threshold) {
                out[j++] = image[v];
            }
        }
        return out;
    }

    /**
     * scipy {@code kurtosis(x)} (Fisher, bias=True): m4/m2² − 3 with central moments about the mean;
     * NaN for an empty sample or when m2 ≤ (1e−15·mean)² (scipy's numerically-constant case).
     */
    static double kurtosis(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= x.length;
        m4 /= x.length;
        if (m2 <= (RESOLUTION * mean) * (RESOLUTION * mean)) {
            return Double.NaN;
        }
        return m4 / (m2 * m2) - 3.0;
    }

    /** numpy {@code np.round} of a float32 value: multiply, round half to even and divide, all in float32. */
    static float roundFloat32(float x, float scale) {
        return (float) Math.rint(x * scale) / scale;
    }

    /** Python's {@code round(x, 4)}: the exact binary value rounded half-even to 4 decimals; NaN stays NaN. */
    static double round4(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The distinct rounded intensities of an image, ascending, and a voxel-value → group lookup. */
    private static final class ValueGroups {
        private final double[] values;
        private final double offset;
        private final int[] denseIndex;

        private ValueGroups(double[] values, double offset, int[] denseIndex) {
            this.values = values;
            this.offset = offset;
            this.denseIndex = denseIndex;
        }

        static ValueGroups of(float[] image) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float f : image) {
                double r = Math.rint(f);
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
            double range = max - min + 1;
            if (range <= Math.max(1 << 20, 4.0 * image.length)) {
                return dense(image, min, (int) range);
            }
            double[] sorted = new double[image.length];
            for (int i = 0; i < image.length; i++) {
                sorted[i] = Math.rint(image[i]);
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return new ValueGroups(Arrays.copyOf(sorted, distinct), 0, null);
        }

        private static ValueGroups dense(float[] image, double min, int range) {
            boolean[] present = new boolean[range];
            for (float f : image) {
                present[(int) (Math.rint(f) - min)] = true;
            }
            int[] index = new int[range];
            int distinct = 0;
            for (int b = 0; b < range; b++) {
                index[b] = present[b] ? distinct++ : -1;
            }
            double[] values = new double[distinct];
            for (int b = 0; b < range; b++) {
                if (present[b]) {
                    values[index[b]] = min + b;
                }
            }
            return new ValueGroups(values, min, index);
        }

        int count() {
            return values.length;
        }

        double[] values() {
            return values;
        }

        int groupOf(double rounded) {
            if (denseIndex != null) {
                return denseIndex[(int) (rounded - offset)];
            }
            return Arrays.binarySearch(values, rounded);
        }
    }
}
