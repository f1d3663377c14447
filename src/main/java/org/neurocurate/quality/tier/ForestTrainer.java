package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Grows a {@link RandomForest} of Gini classification trees. Each tree gets its own random stream,
 * split from the seed in tree order before any tree is grown, so the forest is the same whatever the
 * number of threads that grow it.
 */
public final class ForestTrainer {

    private ForestTrainer() {
    }

    /**
     * @param x  rows of features, no NaN (impute first)
     * @param y  class per row: true = class 1 (usable)
     */
    public static RandomForest train(double[][] x, boolean[] y, ForestConfig config) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        FeatureRanks ranks = new FeatureRanks(x);
        double[] classWeight = classWeights(y, config.balanced());
        SplittableRandom root = new SplittableRandom(config.seed());
        List<SplittableRandom> streams = new ArrayList<>();
        for (int t = 0; t < config.trees(); t++) {
            streams.add(root.split());
        }
        DecisionTree[] trees = new DecisionTree[config.trees()];
        IntStream.range(0, config.trees()).parallel().forEach(t -> {
            SplittableRandom rnd = streams.get(t);
            double[] counts = bootstrap(x.length, rnd);
            trees[t] = new GiniTreeGrower(x, y, ranks, counts, classWeight, config, rnd).grow();
        });
        return new RandomForest(List.of(trees));
    }

    /** Weight per class {0, 1}: 1 each, or n / (2 n_c) when balanced. */
    static double[] classWeights(boolean[] y, boolean balanced) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        int neg = y.length - pos;
        if (!balanced || pos == 0 || neg == 0) {
            return new double[] {1, 1};
        }
        return new double[] {y.length / (2.0 * neg), y.length / (2.0 * pos)};
    }

    private static double[] bootstrap(int n, SplittableRandom rnd) {
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            counts[rnd.nextInt(n)]++;
        }
        return counts;
    }
}
