package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SitePairwiseBoostingTest {

    private static final BoostingConfig PAIRWISE =
            new BoostingConfig(100, 2, 5, 0.1, 1.0, 1, true, 5, BoostingConfig.Loss.SITE_PAIRWISE);

    /**
     * Four sites of 80 rows with 10%, 20%, 40% and 60% unusable. Feature 0: the quality signal (unusable
     * rows 2 SD lower) plus a site offset; feature 1: the site's number, constant within a site (it
     * predicts the label only through the sites' prevalences); features 2-3: noise.
     */
    private static Object[] sites(long seed) {
        Random r = new Random(seed);
        double[] prevalence = {0.1, 0.2, 0.4, 0.6};
        int n = 4 * 80;
        double[][] x = new double[n][4];
        boolean[] y = new boolean[n];
        int[] site = new int[n];
        for (int i = 0; i < n; i++) {
            site[i] = i / 80;
            y[i] = r.nextDouble() >= prevalence[site[i]];
            x[i][0] = r.nextGaussian() - (y[i] ? 0 : 2) + 3 * site[i];
            x[i][1] = site[i];
            x[i][2] = r.nextGaussian();
            x[i][3] = r.nextGaussian();
        }
        return new Object[] {x, y, site};
    }

    private static int[] featureUses(BoostedTrees b, int features) {
        int[] uses = new int[features];
        for (DecisionTree t : b.trees()) {
            for (int f : t.feature()) {
                if (f >= 0) {
                    uses[f]++;
                }
            }
        }
        return uses;
    }

    @Test
    void aFeatureConstantWithinEverySiteNeverSplitsAStump() {
        Object[] d = sites(1);
        double[][] x = (double[][]) d[0];
        boolean[] y = (boolean[]) d[1];
        // stumps: every split sees all rows (subsample 1), i.e. whole sites
        BoostingConfig stumps = new BoostingConfig(100, 1, 5, 0.1, 1.0, 1, true, 5, BoostingConfig.Loss.SITE_PAIRWISE);
        BoostedTrees pairwise = BoostingTrainer.train(x, y, (int[]) d[2], stumps);
        BoostedTrees logistic = BoostingTrainer.train(x, y, (int[]) d[2], stumps.withLoss(BoostingConfig.Loss.LOGISTIC));
        // within a site the pairwise gradients sum to zero, so splitting whole sites apart gains nothing
        // (deeper trees may still split on it inside a node holding part of a site: an interaction)
        assertEquals(0, featureUses(pairwise, 4)[1]);
        // the logistic loss does use the site's prevalence (the check that the data can tempt a learner)
        assertTrue(featureUses(logistic, 4)[1] > 0, "logistic splits on the site feature");
    }

    @Test
    void ranksHeldOutRowsWithinTheirSiteDeterministically() {
        Object[] train = sites(2);
        Object[] test = sites(3);
        double[][] x = (double[][]) train[0];
        BoostedTrees b = BoostingTrainer.train(x, (boolean[]) train[1], (int[]) train[2], PAIRWISE);
        BoostedTrees again = BoostingTrainer.train(x, (boolean[]) train[1], (int[]) train[2], PAIRWISE);
        double[][] xt = (double[][]) test[0];
        boolean[] yt = (boolean[]) test[1];
        double[] p = Arrays.stream(xt).mapToDouble(b::probability).toArray();
        assertArrayEquals(p, Arrays.stream(xt).mapToDouble(again::probability).toArray(), 0.0);
        for (int s = 0; s < 4; s++) {
            double[] ps = Arrays.copyOfRange(p, 80 * s, 80 * s + 80);
            boolean[] ys = Arrays.copyOfRange(yt, 80 * s, 80 * s + 80);
            // a 2 SD shift between classes allows AUC Φ(2/√2) = 0.92; 0.8 leaves room for 80 rows per site
            double auc = RankMetrics.auc(ps, ys);
            assertTrue(auc > 0.8, "site " + s + " held-out AUC " + auc);
        }
    }

    /** Held-out log-odds of a model fitted on sites(2) with subsample 0.5 (so the seed matters), per test row. */
    private static double[] heldOutLogOdds(int members, long seed) {
        Object[] train = sites(2);
        BoostingConfig c = new BoostingConfig(100, 2, 5, 0.1, 0.5, 1, true, seed, BoostingConfig.Loss.SITE_PAIRWISE,
                members);
        BoostedTrees b = BoostingTrainer.train((double[][]) train[0], (boolean[]) train[1], (int[]) train[2], c);
        assertEquals(100 * members, b.trees().size());
        return Arrays.stream((double[][]) sites(3)[0]).mapToDouble(x -> {
            double p = b.probability(x);
            return Math.log(p / (1 - p));
        }).toArray();
    }

    private static double meanAbsDifference(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    @Test
    void averagingSubsampledMembersShrinksTheSpreadBetweenSeeds() {
        double single = meanAbsDifference(heldOutLogOdds(1, 11), heldOutLogOdds(1, 12));
        double bagged = meanAbsDifference(heldOutLogOdds(5, 11), heldOutLogOdds(5, 12));
        // independent draws: the seed-dependent part shrinks by about 1/sqrt(5) = 0.45
        assertTrue(bagged < 0.7 * single, "seed spread of 5 members " + bagged + " vs one run " + single);
    }

    @Test
    void interceptMinimisesTheWeightedLogisticLoss() {
        boolean[] y = {true, true, true, false};
        double[] f = new double[4];
        // unweighted, f = 0: the intercept is the log-odds log(3/1)
        assertEquals(Math.log(3), BoostingTrainer.intercept(f, y, new double[] {1, 1, 1, 1}), 1e-9);
        // class-balanced weights: both classes weigh the same, so 0
        double[] cw = ForestTrainer.classWeights(y, true);
        double[] w = {cw[1], cw[1], cw[1], cw[0]};
        assertEquals(0, BoostingTrainer.intercept(f, y, w), 1e-9);
        assertEquals(0, BoostingTrainer.intercept(f, new boolean[] {true, true}, new double[] {1, 1}), 0.0,
                "one class: no finite minimum, 0 by definition");
    }

    @Test
    void refusesWhenNoSiteHasBothClasses() {
        double[][] x = {{0}, {1}, {2}, {3}};
        boolean[] y = {true, true, false, false};
        int[] site = {0, 0, 1, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoostingTrainer.train(x, y, site, PAIRWISE));
        assertTrue(e.getMessage().contains("both usable and unusable"));
    }
}
