package org.neurocurate.quality.tier;

import java.util.List;

/** An ensemble of classification trees; the class-1 probability is the mean of the leaf fractions. */
public record RandomForest(List<DecisionTree> trees) {

    public RandomForest {
        trees = List.copyOf(trees);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
    }

    /** Mean over trees of the (class-weighted) fraction of class 1 in the leaf reached by {@code x}. */
    public double probability(double[] x) {
        double sum = 0;
        for (DecisionTree t : trees) {
            sum += t.predict(x);
        }
        return sum / trees.size();
    }
}
