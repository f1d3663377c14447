package org.neurocurate.quality.tier;

import java.util.Arrays;

/**
 * A growable set of flat node arrays that becomes a {@link DecisionTree}. Thresholds and leaf values
 * are rounded to float precision when grown, so a model written with 9 significant digits reads back
 * to exactly the tree that was trained.
 */
final class TreeArrays {

    private int size;
    private int[] feature = new int[16];
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] value = new double[16];

    /** Adds a leaf with the given value and returns its index. */
    int add(double leafValue) {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            value = Arrays.copyOf(value, cap);
        }
        feature[size] = -1;
        left[size] = -1;
        right[size] = -1;
        value[size] = toFloat(leafValue);
        return size++;
    }

    /** {@code v} rounded to the nearest float, as a double. */
    static double toFloat(double v) {
        return (float) v;
    }

    /** Turns leaf {@code node} into a split. */
    void makeSplit(int node, int f, double t, int l, int r) {
        feature[node] = f;
        threshold[node] = t;
        left[node] = l;
        right[node] = r;
    }

    DecisionTree toTree() {
        return new DecisionTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size));
    }
}
