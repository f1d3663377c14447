package org.neurocurate.learn.loss;

import java.util.Arrays;

/**
 * Per-sample weights for quality-aware contrastive learning: a scan's anchors count in the loss in
 * proportion to how much its quality tier (1 = best … 5 = unusable) is trusted.
 *
 * <p>From a hard tier t the weight is {@code byTier[t − 1]}; from tier probabilities p_t (a tier
 * classifier's output) it is the expectation Σ_t p_t · byTier[t − 1].
 *
 * @param byTier weights of tiers 1..5, each in [0, 1]
 */
public record QualityWeights(double[] byTier) {

    /** Defaults: tier 1 → 1, 2 → 0.8, 3 → 0.5, 4 → 0.2, 5 → 0 (unusable scans do not pull). */
    public static final QualityWeights DEFAULT = new QualityWeights(new double[] {1.0, 0.8, 0.5, 0.2, 0.0});

    public QualityWeights {
        if (byTier.length != 5 || Arrays.stream(byTier).anyMatch(w -> !(w >= 0 && w <= 1))) {
            throw new IllegalArgumentException("need 5 tier weights in [0, 1], got " + Arrays.toString(byTier));
        }
        byTier = byTier.clone();
    }

    @Override
    public double[] byTier() {
        return byTier.clone();
    }

    /** The weight of a scan of tier 1..5. */
    public double forTier(int tier) {
        if (tier < 1 || tier > 5) {
            throw new IllegalArgumentException("tier must be 1..5, got " + tier);
        }
        return byTier[tier - 1];
    }

    /** The expected weight under tier probabilities p_1..p_5 (must sum to 1 within 1e-6). */
    public double forTierProbabilities(double[] p) {
        if (p.length != 5) {
            throw new IllegalArgumentException("need 5 tier probabilities, got " + p.length);
        }
        double sum = 0;
        double w = 0;
        for (int t = 0; t < 5; t++) {
            if (!(p[t] >= 0)) {
                throw new IllegalArgumentException("tier probabilities must be >= 0: " + Arrays.toString(p));
            }
            sum += p[t];
            w += p[t] * byTier[t];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("tier probabilities must sum to 1, got " + sum);
        }
        return w;
    }
}
