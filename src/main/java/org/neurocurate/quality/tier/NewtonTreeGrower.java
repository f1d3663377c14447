package org.neurocurate.quality.tier;

import java.util.Arrays;

/**
 * Grows one regression tree for Newton boosting: a split maximises
 * {@code G_L² / (H_L + λ) + G_R² / (H_R + λ)} (G, H: sums of gradients and hessians) over all features;
 * a leaf outputs {@code learningRate · G / (H + λ)}.
 */
final class NewtonTreeGrower {

    private final double[][] x;
    private final FeatureRanks ranks;
    private final double[] g;
    private final double[] h;
    private final BoostingConfig config;
    private final TreeArrays out = new TreeArrays();
    private final boolean[] mask;

    NewtonTreeGrower(double[][] x, FeatureRanks ranks, double[] g, double[] h, BoostingConfig config) {
        this.x = x;
        this.ranks = ranks;
        this.g = g;
        this.h = h;
        this.config = config;
        this.mask = new boolean[x.length];
    }

    DecisionTree grow(int[] rows) {
        grow(rows, 0);
        return out.toTree();
    }

    private int grow(int[] rows, int depth) {
        double gs = 0;
        double hs = 0;
        for (int i : rows) {
            gs += g[i];
            hs += h[i];
        }
        int node = out.add(config.learningRate() * gs / (hs + config.lambda()));
        if (depth >= config.maxDepth() || rows.length < 2 * config.minLeaf()) {
            return node;
        }
        double parent = gs * gs / (hs + config.lambda());
        double bestScore = parent + 1e-12;
        int bestF = -1;
        double bestT = 0;
        for (int f = 0; f < x[0].length; f++) {
            int[] keys = ranks.sortedRows(f, rows, mask);
            double lg = 0;
            double lh = 0;
            for (int k = 0; k < keys.length - 1; k++) {
                int i = keys[k];
                lg += g[i];
                lh += h[i];
                if (ranks.rank(f, i) == ranks.rank(f, keys[k + 1]) || k + 1 < config.minLeaf()
                        || keys.length - k - 1 < config.minLeaf()) {
                    continue;
                }
                double score = lg * lg / (lh + config.lambda())
                        + (gs - lg) * (gs - lg) / (hs - lh + config.lambda());
                if (score > bestScore) {
                    bestScore = score;
                    bestF = f;
                    bestT = TreeArrays.toFloat(0.5 * (x[i][f] + x[keys[k + 1]][f]));
                }
            }
        }
        if (bestF < 0) {
            return node;
        }
        final int bf = bestF;
        final double bt = bestT;
        int[] leftRows = Arrays.stream(rows).filter(i -> x[i][bf] <= bt).toArray();
        int[] rightRows = Arrays.stream(rows).filter(i -> x[i][bf] > bt).toArray();
        if (leftRows.length == 0 || rightRows.length == 0) {
            return node;
        }
        int l = grow(leftRows, depth + 1);
        int r = grow(rightRows, depth + 1);
        out.makeSplit(node, bf, bt, l, r);
        return node;
    }
}
