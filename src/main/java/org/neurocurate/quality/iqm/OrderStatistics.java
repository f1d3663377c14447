package org.neurocurate.quality.iqm;

/**
 * numpy's order statistics on primitive arrays: {@code np.percentile} with the default
 * {@code method="linear"} (virtual index q/100·(n−1), linear interpolation between neighbours) and
 * {@code np.median}. Uses in-place quickselect (O(n)), so callers pass a scratch array they own.
 */
final class OrderStatistics {

    private OrderStatistics() {
    }

    /**
     * The q-th percentile (0–100) of {@code a[0..n)}, linear interpolation as numpy; NaN when n = 0.
     * Reorders {@code a}.
     */
    static double percentile(double[] a, int n, double q) {
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
        double above = minimum(a, lo + 1, n);
        return lerp(below, above, t);
    }

    /** {@code np.median}: the middle value, or the mean of the two middle values when n is even. Reorders {@code a}. */
    static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double upper = select(a, 0, n, mid);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = maximum(a, 0, mid);
        return (lower + upper) / 2;
    }

    /** numpy's {@code _lerp}: a + (b − a)·t, computed from the nearer end for t ≥ 0.5 as numpy does. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** Places the k-th smallest of a[from..to) at index k (smaller before, larger after) and returns it. */
    static double select(double[] a, int from, int to, int k) {
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

    private static double minimum(double[] a, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.min(m, a[i]);
        }
        return m;
    }

    private static double maximum(double[] a, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }
}
