package org.neurocurate.quality.tier;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART classification tree (Breiman et al. 1984) on a weighted sample: row {@code i} weighs
 * {@code counts[i] * classWeight[y_i]}. A split maximises the decrease of weighted Gini impurity,
 * equivalently maximises {@code (P_L² + N_L²) / W_L + (P_R² + N_R²) / W_R} (P, N: class weights,
 * W = P + N); its threshold is the midpoint between the two neighbouring distinct values. Leaves hold
 * P / W, the weighted class-1 fraction.
 */
final class GiniTreeGrower {

    private final double[][] x;
    private final boolean[] y;
    private final FeatureRanks ranks;
    private final double[] counts;
    private final double[] classWeight;
    private final ForestConfig config;
    private final SplittableRandom rnd;
    private final int mtry;
    private final TreeArrays out = new TreeArrays();
    private final boolean[] mask;

    GiniTreeGrower(double[][] x, boolean[] y, FeatureRanks ranks, double[] counts, double[] classWeight,
                   ForestConfig config, SplittableRandom rnd) {
        this.x = x;
        this.y = y;
        this.ranks = ranks;
        this.counts = counts;
        this.classWeight = classWeight;
        this.config = config;
        this.rnd = rnd;
        this.mtry = config.mtryFor(x[0].length);
        this.mask = new boolean[x.length];
    }

    DecisionTree grow() {
        int[] rows = java.util.stream.IntStream.range(0, counts.length).filter(i -> counts[i] > 0).toArray();
        grow(rows, 0);
        return out.toTree();
    }

    private int grow(int[] rows, int depth) {
        double pos = 0;
        double all = 0;
        double n = 0;
        for (int i : rows) {
            double w = counts[i] * classWeight[y[i] ? 1 : 0];
            all += w;
            pos += y[i] ? w : 0;
            n += counts[i];
        }
        int node = out.add(pos / all);
        if (depth >= config.maxDepth() || n < 2.0 * config.minLeaf() || pos == 0 || pos == all) {
            return node;
        }
        Split best = bestSplit(rows, pos, all);
        if (best == null) {
            return node;
        }
        int[] leftRows = Arrays.stream(rows).filter(i -> x[i][best.feature] <= best.threshold).toArray();
        int[] rightRows = Arrays.stream(rows).filter(i -> x[i][best.feature] > best.threshold).toArray();
        if (leftRows.length == 0 || rightRows.length == 0) {
            return node;
        }
        int l = grow(leftRows, depth + 1);
        int r = grow(rightRows, depth + 1);
        out.makeSplit(node, best.feature, best.threshold, l, r);
        return node;
    }

    private Split bestSplit(int[] rows, double pos, double all) {
        int p = x[0].length;
        int[] features = drawFeatures(p);
        double parent = (pos * pos + (all - pos) * (all - pos)) / all;
        Split best = null;
        for (int f : features) {
            Split s = scan(f, ranks.sortedRows(f, rows, mask), pos, all);
            if (s != null && s.score > parent + 1e-12 && (best == null || s.score > best.score)) {
                best = s;
            }
        }
        return best;
    }

    private Split scan(int f, int[] sorted, double pos, double all) {
        double lp = 0;
        double lw = 0;
        double ln = 0;
        double total = 0;
        for (int i : sorted) {
            total += counts[i];
        }
        Split best = null;
        for (int k = 0; k < sorted.length - 1; k++) {
            int i = sorted[k];
            double w = counts[i] * classWeight[y[i] ? 1 : 0];
            lw += w;
            lp += y[i] ? w : 0;
            ln += counts[i];
            if (ranks.rank(f, i) == ranks.rank(f, sorted[k + 1]) || ln < config.minLeaf()
                    || total - ln < config.minLeaf()) {
                continue;
            }
            double rw = all - lw;
            double rp = pos - lp;
            double score = (lp * lp + (lw - lp) * (lw - lp)) / lw + (rp * rp + (rw - rp) * (rw - rp)) / rw;
            if (best == null || score > best.score) {
                int next = sorted[k + 1];
                best = new Split(f, TreeArrays.toFloat(0.5 * (x[i][f] + x[next][f])), score);
            }
        }
        return best;
    }

    /** A partial Fisher-Yates shuffle: the first {@code mtry} of a random permutation of 0..p-1. */
    private int[] drawFeatures(int p) {
        int[] all = new int[p];
        for (int f = 0; f < p; f++) {
            all[f] = f;
        }
        for (int k = 0; k < mtry; k++) {
            int j = k + rnd.nextInt(p - k);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, mtry);
    }

    private record Split(int feature, double threshold, double score) {
    }
}
