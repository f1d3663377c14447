package org.neurocurate.learn.loss;

import java.util.Arrays;

/**
 * What a contrastive loss may know about the N subjects of a batch besides their two views.
 *
 * @param y a continuous variable per subject (age in years by default) used by y-Aware InfoNCE;
 *     may be null for losses that do not use it
 * @param weights per-subject weights (e.g. from quality tiers, ≥ 0, not all 0); null means all 1
 */
public record BatchLabels(double[] y, double[] weights) {

    public BatchLabels {
        y = y == null ? null : y.clone();
        weights = weights == null ? null : weights.clone();
        if (y != null && weights != null && y.length != weights.length) {
            throw new IllegalArgumentException("y has " + y.length + " values but weights " + weights.length);
        }
        if (weights != null && Arrays.stream(weights).anyMatch(w -> !(w >= 0 && Double.isFinite(w)))) {
            throw new IllegalArgumentException("sample weights must be finite and >= 0: " + Arrays.toString(weights));
        }
    }

    /** Labels that carry nothing: plain SimCLR with equal weights. */
    public static BatchLabels none() {
        return new BatchLabels(null, null);
    }

    @Override
    public double[] y() {
        return y == null ? null : y.clone();
    }

    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }
}
