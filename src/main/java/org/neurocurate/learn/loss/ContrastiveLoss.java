package org.neurocurate.learn.loss;

import ai.djl.ndarray.NDArray;

/**
 * A contrastive objective over two augmented views of N subjects: an InfoNCE loss whose target
 * distribution over the 2N − 1 candidates of each anchor is given by {@link #targets}. All of them
 * share the computation in {@link InfoNce}.
 */
public interface ContrastiveLoss {

    /** Stable key written to model.json and the loss log, e.g. {@code simclr}, {@code yaware}. */
    String key();

    /** Temperature τ of the cosine similarities (dimensionless, &gt; 0). */
    double temperature();

    /**
     * The 2N × 2N target weights: row i (anchor i; rows 0..N−1 are view 1, N..2N−1 view 2) holds
     * the weights of its candidates j ≠ i, summing to 1; the diagonal is 0.
     */
    double[][] targets(int n, BatchLabels labels);

    /**
     * The scalar loss for projections {@code z1}, {@code z2} of shape (N, D), on their manager.
     * Per-subject weights in {@code labels} weight both anchors of that subject.
     */
    default NDArray loss(NDArray z1, NDArray z2, BatchLabels labels) {
        int n = Math.toIntExact(z1.getShape().get(0));
        return InfoNce.loss(z1, z2, targets(n, labels), labels.weights(), temperature());
    }
}
