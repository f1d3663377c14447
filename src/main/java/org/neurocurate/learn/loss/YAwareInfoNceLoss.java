package org.neurocurate.learn.loss;

/**
 * y-Aware InfoNCE (Dufumier et al., "Contrastive Learning with Continuous Proxy Meta-data for 3D
 * MRI Classification", MICCAI 2021): every candidate j of anchor i is a soft positive weighted by
 * an RBF kernel on a continuous variable y (age, years),
 * <pre>
 *   K(y_i, y_j) = exp(−(y_i − y_j)² / (2σ²)),   W_ij = K(y_i, y_j) / Σ_{k≠i} K(y_i, y_k)   (j ≠ i).
 * </pre>
 * The normalisation is per anchor (over the row i). The authors' published code divides the
 * kernel matrix by its row sums broadcast along the other axis, i.e. W_ij = K_ij / Σ_k K_jk,
 * which does not sum to 1 per anchor; that is not reproduced here.
 *
 * <p>σ = 0 is the limit σ → 0: K is 1 for equal y and 0 otherwise, which for distinct ages is
 * exactly NT-Xent. Each row contains the anchor's other view (K = 1), so row sums are ≥ 1 and
 * never underflow, however small σ is.
 *
 * @param temperature τ (&gt; 0; the paper uses 0.1)
 * @param sigma σ of the RBF kernel in the units of y (years; the paper uses 5), ≥ 0
 */
public record YAwareInfoNceLoss(double temperature, double sigma) implements ContrastiveLoss {

    public YAwareInfoNceLoss {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    @Override
    public String key() {
        return "yaware";
    }

    @Override
    public double[][] targets(int n, BatchLabels labels) {
        double[] y = labels.y();
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("y-Aware InfoNCE needs one y value per subject (" + n + ")");
        }
        int m = 2 * n;
        double[][] w = new double[m][m];
        for (int i = 0; i < m; i++) {
            double yi = y[i % n];
            double rowSum = 0;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    w[i][j] = kernel(yi - y[j % n]);
                    rowSum += w[i][j];
                }
            }
            for (int j = 0; j < m; j++) {
                w[i][j] /= rowSum;
            }
        }
        return w;
    }

    /** K(d) = exp(−d²/(2σ²)); with σ = 0 the limit: 1 for d = 0, else 0. */
    private double kernel(double d) {
        if (sigma == 0) {
            return d == 0 ? 1 : 0;
        }
        return Math.exp(-d * d / (2 * sigma * sigma));
    }
}
