package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits {@link BoostedTrees} by Newton boosting of the (class-weighted) logistic loss: each round fits a
 * tree to the gradient g = y - p with hessian h = p (1 - p) on a row subsample, and adds
 * learningRate × its leaves.
 */
public final class BoostingTrainer {

    private BoostingTrainer() {
    }

    public static BoostedTrees train(double[][] x, boolean[] y, BoostingConfig config) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        int n = x.length;
        double[] cw = ForestTrainer.classWeights(y, config.balanced());
        double[] w = new double[n];
        double wPos = 0;
        double wAll = 0;
        for (int i = 0; i < n; i++) {
            w[i] = cw[y[i] ? 1 : 0];
            wAll += w[i];
            wPos += y[i] ? w[i] : 0;
        }
        double bias = StrictMath.log(Math.max(wPos, 1e-9) / Math.max(wAll - wPos, 1e-9));
        double[] f = new double[n];
        java.util.Arrays.fill(f, bias);
        FeatureRanks ranks = new FeatureRanks(x);
        SplittableRandom rnd = new SplittableRandom(config.seed());
        List<DecisionTree> trees = new ArrayList<>();
        double[] g = new double[n];
        double[] h = new double[n];
        for (int m = 0; m < config.rounds(); m++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + StrictMath.exp(-f[i]));
                g[i] = w[i] * ((y[i] ? 1 : 0) - p);
                h[i] = w[i] * p * (1 - p);
            }
            int[] rows = subsample(n, config.subsample(), rnd);
            DecisionTree tree = new NewtonTreeGrower(x, ranks, g, h, config).grow(rows);
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                f[i] += tree.predict(x[i]);
            }
        }
        return new BoostedTrees(bias, trees);
    }

    /** A sorted random subset of round(fraction n) rows, drawn by a partial Fisher-Yates shuffle. */
    private static int[] subsample(int n, double fraction, SplittableRandom rnd) {
        int k = Math.max(1, (int) Math.round(fraction * n));
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int j = 0; j < k; j++) {
            int r = j + rnd.nextInt(n - j);
            int t = all[j];
            all[j] = all[r];
            all[r] = t;
        }
        int[] rows = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(rows);
        return rows;
    }
}
