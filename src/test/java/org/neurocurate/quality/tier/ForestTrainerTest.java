package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForestTrainerTest {

    /** Class 1 when x0 + x1 > 0; three noise features; 10% of labels flipped. */
    private static Object[] data(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][5];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 5; f++) {
                x[i][f] = r.nextGaussian();
            }
            y[i] = (x[i][0] + x[i][1] > 0) ^ (r.nextDouble() < 0.1);
        }
        return new Object[] {x, y};
    }

    private static double[] predict(RandomForest f, double[][] x) {
        return Arrays.stream(x).mapToDouble(f::probability).toArray();
    }

    @Test
    void forestLearnsAnObliqueBoundaryOnHeldOutData() {
        Object[] train = data(600, 1);
        Object[] test = data(400, 2);
        RandomForest f = ForestTrainer.train((double[][]) train[0], (boolean[]) train[1], new ForestConfig(100, 8, 3, 0, false, 7));
        double auc = RankMetrics.auc(predict(f, (double[][]) test[0]), (boolean[]) test[1]);
        // with 10% label noise the best possible AUC is about 0.9; a forest of axis splits gets close
        assertTrue(auc > 0.85, "held-out AUC " + auc);
    }

    @Test
    void sameSeedSameForestOtherSeedOtherForest() {
        Object[] d = data(300, 3);
        ForestConfig c = new ForestConfig(30, 6, 5, 2, true, 11);
        double[][] x = (double[][]) d[0];
        double[] a = predict(ForestTrainer.train(x, (boolean[]) d[1], c), x);
        double[] b = predict(ForestTrainer.train(x, (boolean[]) d[1], c), x);
        double[] other = predict(ForestTrainer.train(x, (boolean[]) d[1], c.withSeed(12)), x);
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, other));
    }

    @Test
    void leavesRespectMinimumSizeAndDepth() {
        Object[] d = data(300, 4);
        RandomForest f = ForestTrainer.train((double[][]) d[0], (boolean[]) d[1], new ForestConfig(5, 2, 40, 0, false, 1));
        for (DecisionTree t : f.trees()) {
            assertTrue(t.size() <= 7, "depth 2 allows at most 7 nodes, got " + t.size());
        }
    }

    @Test
    void balancedWeightsGiveEachClassHalfTheTotalWeight() {
        double[] w = ForestTrainer.classWeights(new boolean[] {true, true, true, false}, true);
        assertEquals(1 * w[0], 3 * w[1], 1e-12);
    }

    @Test
    void boostingLearnsTheSameBoundaryDeterministically() {
        Object[] train = data(600, 1);
        Object[] test = data(400, 2);
        BoostingConfig c = new BoostingConfig(150, 2, 5, 0.1, 0.8, 1, false, 3, BoostingConfig.Loss.LOGISTIC);
        BoostedTrees b = BoostingTrainer.train((double[][]) train[0], (boolean[]) train[1], c);
        BoostedTrees again = BoostingTrainer.train((double[][]) train[0], (boolean[]) train[1], c);
        double[][] xt = (double[][]) test[0];
        double[] p = Arrays.stream(xt).mapToDouble(b::probability).toArray();
        assertArrayEquals(p, Arrays.stream(xt).mapToDouble(again::probability).toArray(), 0.0);
        double auc = RankMetrics.auc(p, (boolean[]) test[1]);
        assertTrue(auc > 0.85, "held-out AUC " + auc);
    }
}
