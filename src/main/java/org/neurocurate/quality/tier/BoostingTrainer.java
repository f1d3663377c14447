package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link BoostedTrees} by Newton boosting: each round fits a tree to the gradient g and hessian h
 * of the loss on a row subsample and adds learningRate × its leaves.
 *
 * <p>{@link BoostingConfig.Loss#LOGISTIC}: g = w (y - p), h = w p (1 - p) with class weight w; the trees
 * start from the weighted log-odds.
 *
 * <p>{@link BoostingConfig.Loss#SITE_PAIRWISE}: the loss is Σ w_ab log(1 + exp(-(f_a - f_b))) over the
 * pairs of a usable row a and an unusable row b of the same site, w_ab = n / (S |U_s| |X_s|) (S sites with
 * both classes, U_s and X_s their usable and unusable rows), so each site weighs the same and the total
 * pair weight is the row count n, as in the logistic loss (λ and the leaf sizes keep their meaning).
 * Rows of a site with one class get no gradient. The loss does not fix the level of f, so the intercept
 * is fitted last, by the class-weighted logistic loss of the rows given f: the probability then reads as
 * that of the logistic member (0.5 at the class-balanced decision point) and can be averaged with it.
 * Cost per round: O(pairs), Σ_s |U_s| |X_s|.
 *
 * <p>With {@link BoostingConfig#members()} K > 1, K runs on independent row subsamples (member 0 on the
 * config's seed, the others on {@link SplittableRandom#split()} streams of it) are averaged on the
 * log-odds scale (subsample bagging: the model does not hinge on one seed's draws); their trees are
 * kept with leaves scaled by 1/K, so the result is again one additive model, and the intercept is
 * fitted to the averaged scores as above (for the logistic loss every member starts from the same log-odds).
 */
public final class BoostingTrainer {

    private BoostingTrainer() {
    }

    /** Fits with one site for all rows (the pairwise loss then ranks across the whole table). */
    public static BoostedTrees train(double[][] x, boolean[] y, BoostingConfig config) {
        return train(x, y, new int[y.length], config);
    }

    /**
     * @param x      rows of features, no NaN
     * @param y      true = usable
     * @param group  site index per row (only the pairwise loss uses it)
     */
    public static BoostedTrees train(double[][] x, boolean[] y, int[] group, BoostingConfig config) {
        if (x.length != y.length || group.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels and sites as rows, and at least one row");
        }
        int n = x.length;
        double[] cw = ForestTrainer.classWeights(y, config.balanced());
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = cw[y[i] ? 1 : 0];
        }
        SitePairs pairs = config.loss() == BoostingConfig.Loss.SITE_PAIRWISE ? SitePairs.of(y, group) : null;
        double start = pairs == null ? logOdds(y, w) : 0;
        FeatureRanks ranks = new FeatureRanks(x);
        // member 0 draws from the config's seed (a single run is unchanged); the others from split streams
        SplittableRandom seeds = new SplittableRandom(config.seed());
        int k = config.members();
        List<DecisionTree> trees = new ArrayList<>();
        double[] sum = new double[n];
        for (int member = 0; member < k; member++) {
            SplittableRandom rnd = member == 0 ? new SplittableRandom(config.seed()) : seeds.split();
            double[] f = new double[n];
            java.util.Arrays.fill(f, start);
            List<DecisionTree> run = boost(x, y, w, pairs, ranks, f, rnd, config);
            if (k == 1) {
                trees.addAll(run);
                sum = f;
                break;
            }
            for (DecisionTree tree : run) {
                DecisionTree scaled = tree.scaled(1.0 / k);
                trees.add(scaled);
                for (int i = 0; i < n; i++) {
                    sum[i] += scaled.predict(x[i]);
                }
            }
        }
        double bias = pairs == null ? start : intercept(sum, y, w);
        return new BoostedTrees(bias, trees);
    }

    /** One boosting run from the scores f (updated in place); its trees. */
    private static List<DecisionTree> boost(double[][] x, boolean[] y, double[] w, SitePairs pairs, FeatureRanks ranks,
                                            double[] f, SplittableRandom rnd, BoostingConfig config) {
        int n = x.length;
        List<DecisionTree> trees = new ArrayList<>();
        double[] g = new double[n];
        double[] h = new double[n];
        for (int m = 0; m < config.rounds(); m++) {
            if (pairs == null) {
                logisticGradients(f, y, w, g, h);
            } else {
                pairs.gradients(f, g, h);
            }
            int[] rows = subsample(n, config.subsample(), rnd);
            DecisionTree tree = new NewtonTreeGrower(x, ranks, g, h, config).grow(rows);
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                f[i] += tree.predict(x[i]);
            }
        }
        return trees;
    }

    private static double logOdds(boolean[] y, double[] w) {
        double wPos = 0;
        double wAll = 0;
        for (int i = 0; i < y.length; i++) {
            wAll += w[i];
            wPos += y[i] ? w[i] : 0;
        }
        return StrictMath.log(Math.max(wPos, 1e-9) / Math.max(wAll - wPos, 1e-9));
    }

    private static void logisticGradients(double[] f, boolean[] y, double[] w, double[] g, double[] h) {
        for (int i = 0; i < f.length; i++) {
            double p = 1 / (1 + StrictMath.exp(-f[i]));
            g[i] = w[i] * ((y[i] ? 1 : 0) - p);
            h[i] = w[i] * p * (1 - p);
        }
    }

    /**
     * The b minimising Σ w_i log(1 + exp(-s_i (f_i + b))), s_i = ±1 for usable / unusable, by Newton's
     * method from 0 (the loss is convex in b); 0 when one class is absent (no finite minimum).
     */
    static double intercept(double[] f, boolean[] y, double[] w) {
        boolean both = false;
        for (boolean v : y) {
            both |= v != y[0];
        }
        if (!both) {
            return 0;
        }
        double b = 0;
        for (int it = 0; it < 100; it++) {
            double g = 0;
            double h = 0;
            for (int i = 0; i < f.length; i++) {
                double p = 1 / (1 + StrictMath.exp(-(f[i] + b)));
                g += w[i] * ((y[i] ? 1 : 0) - p);
                h += w[i] * p * (1 - p);
            }
            double step = g / Math.max(h, 1e-12);
            b += step;
            if (Math.abs(step) < 1e-12) {
                break;
            }
        }
        return b;
    }

    /** The usable and unusable rows of every site with both classes, and the weight of each of its pairs. */
    private record SitePairs(List<int[]> usable, List<int[]> unusable, double[] weight) {

        static SitePairs of(boolean[] y, int[] group) {
            Map<Integer, List<Integer>> sites = new LinkedHashMap<>();
            for (int i = 0; i < y.length; i++) {
                sites.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
            }
            List<int[]> good = new ArrayList<>();
            List<int[]> bad = new ArrayList<>();
            for (List<Integer> rows : sites.values()) {
                int[] u = rows.stream().filter(i -> y[i]).mapToInt(Integer::intValue).toArray();
                int[] x = rows.stream().filter(i -> !y[i]).mapToInt(Integer::intValue).toArray();
                if (u.length > 0 && x.length > 0) {
                    good.add(u);
                    bad.add(x);
                }
            }
            if (good.isEmpty()) {
                throw new IllegalArgumentException("the site-pairwise loss needs a site with both usable and unusable scans");
            }
            double[] weight = new double[good.size()];
            for (int s = 0; s < weight.length; s++) {
                weight[s] = (double) y.length / ((double) good.size() * good.get(s).length * bad.get(s).length);
            }
            return new SitePairs(good, bad, weight);
        }

        void gradients(double[] f, double[] g, double[] h) {
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(h, 0);
            for (int s = 0; s < weight.length; s++) {
                double w = weight[s];
                for (int a : usable.get(s)) {
                    for (int b : unusable.get(s)) {
                        double p = 1 / (1 + StrictMath.exp(-(f[a] - f[b])));
                        double q = w * (1 - p);
                        double hh = w * p * (1 - p);
                        g[a] += q;
                        g[b] -= q;
                        h[a] += hh;
                        h[b] += hh;
                    }
                }
            }
        }
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
