package org.neurocurate.quality.tier;

/**
 * A binary decision tree in flat arrays: node {@code k} sends {@code x} to {@code left[k]} when
 * {@code x[feature[k]] <= threshold[k]}, else to {@code right[k]}; a leaf has {@code feature[k] == -1}
 * and outputs {@code value[k]} (a class-1 probability for a forest, a score increment for boosting).
 * Node 0 is the root.
 */
public record DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {

    public DecisionTree {
        int n = feature.length;
        if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
            throw new IllegalArgumentException("tree arrays must be non-empty and of equal length");
        }
    }

    /** The leaf value reached by {@code x}. */
    public double predict(double[] x) {
        int k = 0;
        while (feature[k] >= 0) {
            k = x[feature[k]] <= threshold[k] ? left[k] : right[k];
        }
        return value[k];
    }

    /**
     * The same tree with every node value multiplied by {@code factor} and rounded to float precision,
     * as grown trees are (see {@link TreeArrays}).
     */
    public DecisionTree scaled(double factor) {
        double[] v = value.clone();
        for (int k = 0; k < v.length; k++) {
            v[k] = TreeArrays.toFloat(v[k] * factor);
        }
        return new DecisionTree(feature, threshold, left, right, v);
    }

    /** Number of nodes, leaves included. */
    public int size() {
        return feature.length;
    }
}
