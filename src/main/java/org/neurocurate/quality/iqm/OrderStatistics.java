package org.neurocurate.quality.iqm;

import java.util.Arrays;

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
     * The k-th smallest of a[from..to), exact. Large ranges are first narrowed by histograms: each pass
     * bins the values inside the current value interval and keeps the interval of the bin holding rank
     * k (bin membership is monotonic in the value, so a bin is an interval [min, max] of its members);
     * the survivors are then quickselected. Reorders {@code a}; no partition property is promised.
     */
    public static double select(double[] a, int from, int to, int k) {
        if (to - from < NARROW_BELOW) {
            return quickselect(a, from, to, k);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        long smaller = 0;
        long inside = to - from;
        int[] count = new int[BINS];
        while (inside > NARROW_BELOW && hi > lo) {
            java.util.Arrays.fill(count, 0);
            double scale = BINS / (hi - lo);
            for (int i = from; i < to; i++) {
                double v = a[i];
                if (v >= lo && v <= hi) {
                    count[bin(v, lo, scale)]++;
                }
            }
            long rank = k - from - smaller;
            int b = 0;
            long seen = 0;
            while (seen + count[b] <= rank) {
                seen += count[b++];
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = a[i];
                if (v >= lo && v <= hi && bin(v, lo, scale) == b) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            smaller += seen;
            inside = count[b];
            lo = min;
            hi = max;
        }
        if (lo == hi) {
            return lo;
        }
        int j = from;
        for (int i = from; i < to; i++) {
            double v = a[i];
            if (v >= lo && v <= hi) {
                a[i] = a[j];
                a[j++] = v;
            }
        }
        return quickselect(a, from, j, (int) (from + (k - from - smaller)));
    }

    private static int bin(double v, double lo, double scale) {
        return Math.min(BINS - 1, (int) ((v - lo) * scale));
    }

    /** The (k+1)-th smallest given the k-th: equal if ties continue, else the least larger value. */
    private static double next(double[] a, int n, int k, double kth) {
        long atMost = 0;
        double larger = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (a[i] <= kth) {
                atMost++;
            } else {
                larger = Math.min(larger, a[i]);
            }
        }
        return atMost > k + 1 ? kth : larger;
    }

    /** The (k−1)-th smallest given the k-th: equal if ties continue, else the greatest smaller value. */
    private static double previous(double[] a, int n, int k, double kth) {
        long below = 0;
        double smaller = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (a[i] < kth) {
                below++;
                smaller = Math.max(smaller, a[i]);
            }
        }
        return below < k ? kth : smaller;
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
