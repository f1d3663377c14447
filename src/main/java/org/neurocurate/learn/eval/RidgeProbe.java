package org.neurocurate.learn.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A linear probe: ridge regression of y (age, years) on embeddings, the standard way to judge a
 * self-supervised representation (y-Aware reports it for brain age). Features are standardised
 * with the training fold's mean and SD, the intercept is the training mean of y, and
 * β = (XᵀX + λ·n·I)⁻¹ Xᵀ(y − ȳ), solved by Cholesky in double precision. A feature is clamped to
 * its training range widened by that range's width on either side before it is standardised: the
 * probe extrapolates a linear relation somewhat beyond what it saw, but not without bound along a
 * feature it saw almost constant (an untrained encoder's ReLU unit that fired on one training scan
 * with a tiny value has a tiny SD, and a held-out scan on which it fired fully lay thousands of SDs
 * out: a 5-fold probe MAE of 700 years on a generated cohort whose other encoders gave 14–17).
 */
public final class RidgeProbe {

    private final double[] mean;
    private final double[] sd;
    /** Per feature, the range a value is clamped to before standardising. */
    private final double[] lo;
    private final double[] hi;
    private final double[] beta;
    private final double intercept;

    private RidgeProbe(double[] mean, double[] sd, double[] lo, double[] hi, double[] beta, double intercept) {
        this.mean = mean;
        this.sd = sd;
        this.lo = lo;
        this.hi = hi;
        this.beta = beta;
        this.intercept = intercept;
    }

    /**
     * @param lambda ridge strength relative to the sample count (λ·n is added to the diagonal), &gt; 0
     */
    public static RidgeProbe fit(double[][] x, double[] y, double lambda) {
        int n = x.length;
        int d = x[0].length;
        if (n != y.length || n < 2 || !(lambda > 0)) {
            throw new IllegalArgumentException("need >= 2 rows, one y per row and lambda > 0");
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
                lo[j] = Math.min(lo[j], row[j]);
                hi[j] = Math.max(hi[j], row[j]);
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1;
        }
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < n; i++) {
            double[] z = standardise(x[i], mean, sd);
            for (int j = 0; j < d; j++) {
                b[j] += z[j] * (y[i] - yMean);
                for (int k = 0; k <= j; k++) {
                    a[j][k] += z[j] * z[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            a[j][j] += lambda * n;
        }
        for (int j = 0; j < d; j++) {
            double width = hi[j] - lo[j];
            lo[j] -= width;
            hi[j] += width;
        }
        return new RidgeProbe(mean, sd, lo, hi, Cholesky.solve(a, b), yMean);
    }

    /** The prediction for one row, each feature clamped to its widened training range first. */
    public double predict(double[] features) {
        double[] clamped = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            clamped[j] = Math.max(lo[j], Math.min(hi[j], features[j]));
        }
        double[] z = standardise(clamped, mean, sd);
        double p = intercept;
        for (int j = 0; j < z.length; j++) {
            p += beta[j] * z[j];
        }
        return p;
    }

    /**
     * Mean absolute error (years) of k-fold cross-validated predictions; folds from a seeded shuffle.
     */
    public static double crossValidatedMae(double[][] x, double[] y, double lambda, int folds, long seed) {
        int n = x.length;
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds must be in [2, " + n + "], got " + folds);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double err = 0;
        for (int f = 0; f < folds; f++) {
            int from = f * n / folds;
            int to = (f + 1) * n / folds;
            double[][] tx = new double[n - (to - from)][];
            double[] ty = new double[tx.length];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i < from || i >= to) {
                    tx[k] = x[order[i]];
                    ty[k++] = y[order[i]];
                }
            }
            RidgeProbe p = fit(tx, ty, lambda);
            for (int i = from; i < to; i++) {
                err += Math.abs(p.predict(x[order[i]]) - y[order[i]]);
            }
        }
        return err / n;
    }

    private static double[] standardise(double[] v, double[] mean, double[] sd) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = (v[j] - mean[j]) / sd[j];
        }
        return z;
    }
}
