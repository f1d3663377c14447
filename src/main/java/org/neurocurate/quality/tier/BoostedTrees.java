package org.neurocurate.quality.tier;

import java.util.List;

/**
 * An additive model of regression trees on the log-odds scale:
 * {@code P(class 1 | x) = 1 / (1 + exp(-(bias + Σ_t tree_t(x))))} (learning rate already folded in).
 */
public record BoostedTrees(double bias, List<DecisionTree> trees) {

    public BoostedTrees {
        trees = List.copyOf(trees);
    }

    public double probability(double[] x) {
        double f = bias;
        for (DecisionTree t : trees) {
            f += t.predict(x);
        }
        return 1 / (1 + StrictMath.exp(-f));
    }
}
