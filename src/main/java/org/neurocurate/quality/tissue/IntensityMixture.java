package org.neurocurate.quality.tissue;

import org.neurocurate.quality.iqm.OrderStatistics;

/**
 * A 1-D Gaussian mixture of three classes fitted by EM on a histogram of the values (O(bins) per
 * iteration, so a 1.5-million-voxel brain costs one pass to bin). Classes are kept sorted by mean.
 * Model: p(x) = Σ<sub>k</sub> π<sub>k</sub> N(x; μ<sub>k</sub>, σ<sub>k</sub>²) (Dempster, Laird &amp;
 * Rubin, JRSS-B 39(1):1–38, 1977).
 */
final class IntensityMixture {

    static final int CLASSES = 3;
    private static final int BINS = 1024;

    final double[] mean = new double[CLASSES];
    final double[] sd = new double[CLASSES];
    final double[] weight = new double[CLASSES];

    /** Starts at the 15th, 50th and 85th percentiles with equal weights. */
    static IntensityMixture initial(float[] x) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i];
        }
        IntensityMixture m = new IntensityMixture();
        int last = values.length - 1;
        double lo = OrderStatistics.select(values, 0, values.length, (int) (0.15 * last));
        double mid = OrderStatistics.select(values, 0, values.length, (int) (0.5 * last));
        double hi = OrderStatistics.select(values, 0, values.length, (int) (0.85 * last));
        double s = Math.max((hi - lo) / 4, 1e-6 * Math.max(1, Math.abs(hi)));
        double[] mu = {lo, mid, hi};
        for (int k = 0; k < CLASSES; k++) {
            m.mean[k] = mu[k];
            m.sd[k] = s;
            m.weight[k] = 1.0 / CLASSES;
        }
        return m;
    }

    /** An independent copy (to refit on another grid). */
    IntensityMixture copy() {
        IntensityMixture m = new IntensityMixture();
        System.arraycopy(mean, 0, m.mean, 0, CLASSES);
        System.arraycopy(sd, 0, m.sd, 0, CLASSES);
        System.arraycopy(weight, 0, m.weight, 0, CLASSES);
        return m;
    }

    /** Runs EM on the binned values. */
    void fit(float[] x, int iterations) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            return;
        }
        double width = (max - min) / BINS;
        double[] count = new double[BINS];
        for (float v : x) {
            count[Math.min(BINS - 1, (int) ((v - min) / width))]++;
        }
        double[] centre = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            centre[b] = min + (b + 0.5) * width;
        }
        double floor = width;
        double[] q = new double[CLASSES];
        for (int it = 0; it < iterations; it++) {
            double[] n = new double[CLASSES];
            double[] s1 = new double[CLASSES];
            double[] s2 = new double[CLASSES];
            for (int b = 0; b < BINS; b++) {
                if (count[b] == 0) {
                    continue;
                }
                posterior(centre[b], q);
                for (int k = 0; k < CLASSES; k++) {
                    double w = q[k] * count[b];
                    n[k] += w;
                    s1[k] += w * centre[b];
                    s2[k] += w * centre[b] * centre[b];
                }
            }
            double total = n[0] + n[1] + n[2];
            for (int k = 0; k < CLASSES; k++) {
                if (n[k] > 0) {
                    mean[k] = s1[k] / n[k];
                    sd[k] = Math.sqrt(Math.max(s2[k] / n[k] - mean[k] * mean[k], floor * floor));
                    weight[k] = Math.max(n[k] / total, 1e-6);
                }
            }
            sortByMean();
        }
    }

    /** Class log-likelihood terms log π − log σ − (x − μ)²/(2σ²), into {@code out}. */
    void logTerms(double x, double[] out) {
        for (int k = 0; k < CLASSES; k++) {
            double d = (x - mean[k]) / sd[k];
            out[k] = Math.log(weight[k]) - Math.log(sd[k]) - 0.5 * d * d;
        }
    }

    /** Posterior class probabilities of a value, into {@code out}. */
    void posterior(double x, double[] out) {
        logTerms(x, out);
        softmax(out);
    }

    static void softmax(double[] a) {
        double max = Math.max(a[0], Math.max(a[1], a[2]));
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            a[k] = Math.exp(a[k] - max);
            sum += a[k];
        }
        for (int k = 0; k < a.length; k++) {
            a[k] /= sum;
        }
    }

    private void sortByMean() {
        for (int i = 1; i < CLASSES; i++) {
            for (int j = i; j > 0 && mean[j - 1] > mean[j]; j--) {
                swap(mean, j);
                swap(sd, j);
                swap(weight, j);
            }
        }
    }

    private static void swap(double[] a, int j) {
        double t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
    }
}
