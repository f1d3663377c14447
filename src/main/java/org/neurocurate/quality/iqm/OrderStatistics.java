package org.neurocurate.quality.iqm;

import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * numpy's order statistics on primitive arrays: {@code np.percentile} with the default
 * {@code method="linear"} (virtual index q/100·(n−1), linear interpolation between neighbours) and
 * {@code np.median}. Uses in-place quickselect (O(n)), so callers pass a scratch array they own.
 * Public because mask building (quality.masks) needs the same robust statistics.
 */
public final class OrderStatistics {

    /** statsmodels' normal consistency constant for the MAD: Φ⁻¹(3/4). */
    static final double MAD_CONSTANT = 0.6744897501960817;

    private OrderStatistics() {
    }

    /**
     * statsmodels {@code mad(x, center)}: median(|x − center| / 0.6745), the standard deviation of a
     * normal sample estimated robustly; NaN for an empty sample. {@code x} is left unchanged.
     */
    public static double mad(double[] x, double center) {
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - center) / MAD_CONSTANT;
        }
        return median(dev, dev.length);
    }

    /**
     * The q-th percentile (0–100) of {@code a[0..n)}, linear interpolation as numpy; NaN when n = 0.
     * Reorders {@code a}.
     */
    public static double percentile(double[] a, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double index = q / 100.0 * (n - 1);
        int lo = (int) Math.floor(index);
        double t = index - lo;
        double below = select(a, 0, n, lo);
        if (t == 0 || lo + 1 >= n) {
            return below;
        }
        double above = next(a, n, lo, below);
        return lerp(below, above, t);
    }

    /** The values of {@code image} where {@code mask} is set, in voxel order (an array of their count). */
    static double[] valuesIn(float[] image, boolean[] mask) {
        double[] all = new double[image.length];
        int n = 0;
        for (int i = 0; i < image.length; i++) {
            if (mask[i]) {
                all[n++] = image[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** {@code np.median}: the middle value, or the mean of the two middle values when n is even. Reorders {@code a}. */
    public static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double upper = select(a, 0, n, mid);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = previous(a, n, mid, upper);
        return (lower + upper) / 2;
    }

    /**
     * The two middle order statistics {lower, upper} of a[0..n) (equal for odd n), so callers can
     * take the median of a monotone transform (numpy's median of x² is the mean of the squared pair).
     * Reorders {@code a}.
     */
    public static double[] middlePair(double[] a, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int mid = n / 2;
        double upper = select(a, 0, n, mid);
        double lower = n % 2 == 1 ? upper : previous(a, n, mid, upper);
        return new double[] {lower, upper};
    }

    /** numpy's {@code _lerp}: a + (b − a)·t, computed from the nearer end for t ≥ 0.5 as numpy does. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static final int NARROW_BELOW = 1 << 16;
    private static final int BINS = 1 << 16;

    /**
     * The k-th smallest of a[from..to), exact. A large range is first narrowed by histograms: a pass
     * bins the values between their minimum and maximum, and the values of the bin holding rank k (bin
     * membership is monotonic in the value) are gathered into a new array, in which the search goes on
     * with the rank less the values of the bins below; once few are left they are quickselected. The
     * passes over a long range run in parallel ({@link #CHUNK} values per task). Reorders {@code a} only
     * when it is quickselected itself (fewer than {@link #NARROW_BELOW} values, or a range that bins cannot
     * narrow: infinite values); no partition property is promised.
     */
    public static double select(double[] a, int from, int to, int k) {
        double[] values = a;
        int start = from;
        int end = to;
        int rank = k - from;
        while (end - start >= NARROW_BELOW) {
            double[] in = values;
            int first = start;
            int last = end;
            double[] range = chunked(first, last, (i0, i1) -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = i0; i < i1; i++) {
                    lo = Math.min(lo, in[i]);
                    hi = Math.max(hi, in[i]);
                }
                return new double[] {lo, hi};
            }, OrderStatistics::widest);
            double lo = range[0];
            if (!(range[1] > lo)) {
                return lo;
            }
            double scale = BINS / (range[1] - lo);
            List<int[]> counts = ParallelRanges.bySize(first, last, CHUNK, (i0, i1) -> {
                int[] part = new int[BINS];
                for (int i = i0; i < i1; i++) {
                    part[bin(in[i], lo, scale)]++;
                }
                return part;
            });
            int chunks = counts.size();
            int bin = 0;
            long seen = 0;
            while (true) {
                long inBin = 0;
                for (int[] part : counts) {
                    inBin += part[bin];
                }
                if (seen + inBin > rank) {
                    break;
                }
                seen += inBin;
                bin++;
            }
            int b = bin;
            int[] offset = new int[chunks + 1];
            for (int c = 0; c < chunks; c++) {
                offset[c + 1] = offset[c] + counts.get(c)[b];
            }
            if (offset[chunks] == last - first) {
                // one bin holds every value: the range overflows (infinite values), bins cannot narrow it
                break;
            }
            double[] members = new double[offset[chunks]];
            ParallelRanges.forEachBySize(first, last, CHUNK, (i0, i1) -> {
                for (int i = i0, j = offset[(i0 - first) / CHUNK]; i < i1; i++) {
                    if (bin(in[i], lo, scale) == b) {
                        members[j++] = in[i];
                    }
                }
            });
            values = members;
            start = 0;
            end = members.length;
            rank -= (int) seen;
        }
        return quickselect(values, start, end, start + rank);
    }

    private static int bin(double v, double lo, double scale) {
        return Math.min(BINS - 1, (int) ((v - lo) * scale));
    }

    /** {min, max} of two {min, max} pairs. */
    private static double[] widest(double[] x, double[] y) {
        return new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])};
    }

    /** Values per task of {@link #select}'s passes and {@link #chunked}'s; shorter ranges run as one. */
    private static final int CHUNK = 1 << 19;

    /**
     * A pass over a[from..to) in parts of {@link #CHUNK} run in parallel ({@link ParallelRanges}), their
     * results combined by {@code combine}: only for results that do not depend on the order they are
     * combined in (counts, minima, maxima), so the pass gives what one loop would.
     */
    private static <T> T chunked(int from, int to, ParallelRanges.Pass<T> pass, BinaryOperator<T> combine) {
        return ParallelRanges.bySize(from, to, CHUNK, pass).stream().reduce(combine).orElseThrow();
    }

    /** The (k+1)-th smallest given the k-th: equal if ties continue, else the least larger value. */
    private static double next(double[] a, int n, int k, double kth) {
        double[] r = chunked(0, n, (i0, i1) -> {
            long atMost = 0;
            double larger = Double.POSITIVE_INFINITY;
            for (int i = i0; i < i1; i++) {
                if (a[i] <= kth) {
                    atMost++;
                } else {
                    larger = Math.min(larger, a[i]);
                }
            }
            return new double[] {atMost, larger};
        }, (x, y) -> new double[] {x[0] + y[0], Math.min(x[1], y[1])});
        return r[0] > k + 1 ? kth : r[1];
    }

    /** The (k−1)-th smallest given the k-th: equal if ties continue, else the greatest smaller value. */
    private static double previous(double[] a, int n, int k, double kth) {
        double[] r = chunked(0, n, (i0, i1) -> {
            long below = 0;
            double smaller = Double.NEGATIVE_INFINITY;
            for (int i = i0; i < i1; i++) {
                if (a[i] < kth) {
                    below++;
                    smaller = Math.max(smaller, a[i]);
                }
            }
            return new double[] {below, smaller};
        }, (x, y) -> new double[] {x[0] + y[0], Math.max(x[1], y[1])});
        return r[0] < k ? kth : r[1];
    }

    /** Places the k-th smallest of a[from..to) at index k (smaller before, larger after) and returns it. */
    private static double quickselect(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOfThree(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
