package org.neurocurate.learn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The InfoNCE computation shared by every {@link ContrastiveLoss}.
 *
 * <p>With ẑ = z / ‖z‖ for the 2N stacked projections and s_ij = ẑ_i·ẑ_j / τ,
 * <pre>
 *   log p_ij = s_ij − log Σ_{k≠i} exp(s_ik)          (j ≠ i)
 *   L_i      = − Σ_{j≠i} W_ij log p_ij
 *   L        = Σ_i q_i L_i / Σ_i q_i
 * </pre>
 * where W is the target matrix (rows sum to 1) and q_i the weight of anchor i's subject (1 when
 * none are given). With W the positive-pair indicator this is NT-Xent (Chen et al., SimCLR,
 * ICML 2020); with an RBF kernel on age it is y-Aware InfoNCE (Dufumier et al., MICCAI 2021).
 */
public final class InfoNce {

    /** Added to the self-similarity so that exp() of it underflows to 0 (an anchor is never its own candidate). */
    private static final float SELF_MASK = -1e9f;

    private InfoNce() {
    }

    /**
     * @param targets 2N × 2N target weights, rows summing to 1, diagonal 0
     * @param sampleWeights N per-subject weights or null
     * @param temperature τ &gt; 0
     */
    public static NDArray loss(NDArray z1, NDArray z2, double[][] targets, double[] sampleWeights,
            double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        if (!z1.getShape().equals(z2.getShape()) || z1.getShape().dimension() != 2) {
            throw new IllegalArgumentException("views must both be (N, D), got " + z1.getShape() + " and " + z2.getShape());
        }
        int n = Math.toIntExact(z1.getShape().get(0));
        int m = 2 * n;
        if (targets.length != m) {
            throw new IllegalArgumentException("targets must be " + m + " x " + m + ", got " + targets.length + " rows");
        }
        NDManager manager = z1.getManager();
        NDArray z = z1.concat(z2, 0);
        NDArray unit = z.div(z.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f));
        NDArray sim = unit.matMul(unit.transpose()).div((float) temperature);
        NDArray masked = sim.add(manager.eye(m).mul(SELF_MASK));
        NDArray logP = masked.logSoftmax(1);
        NDArray w = manager.create(flatten(targets, m), new Shape(m, m));
        NDArray perAnchor = w.mul(logP).sum(new int[] {1}).neg();
        float[] q = anchorWeights(sampleWeights, n);
        double total = 0;
        for (float v : q) {
            total += v;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("sample weights sum to 0: no anchor contributes to the loss");
        }
        return perAnchor.mul(manager.create(q)).sum().div((float) total);
    }

    private static float[] flatten(double[][] targets, int m) {
        float[] flat = new float[m * m];
        for (int i = 0; i < m; i++) {
            if (targets[i].length != m) {
                throw new IllegalArgumentException("targets row " + i + " has " + targets[i].length + " values, expected " + m);
            }
            for (int j = 0; j < m; j++) {
                flat[i * m + j] = (float) targets[i][j];
            }
        }
        return flat;
    }

    private static float[] anchorWeights(double[] sampleWeights, int n) {
        float[] q = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float w = sampleWeights == null ? 1f : (float) sampleWeights[i];
            q[i] = w;
            q[i + n] = w;
        }
        if (sampleWeights != null && sampleWeights.length != n) {
            throw new IllegalArgumentException("expected " + n + " sample weights, got " + sampleWeights.length);
        }
        return q;
    }
}
