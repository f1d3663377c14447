package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankMetricsTest {

    /** AUC by counting all positive/negative pairs, ties 1/2: the definition the rank formula must match. */
    private static double pairwiseAuc(double[] s, boolean[] pos) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (pos[i] && !pos[j]) {
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void aucMatchesPairCountingWithManyTies() {
        Random r = new Random(3);
        double[] s = new double[200];
        boolean[] y = new boolean[200];
        for (int i = 0; i < s.length; i++) {
            y[i] = r.nextDouble() < 0.3;
            s[i] = r.nextInt(10) + (y[i] ? 2 : 0); // few distinct values: many ties
        }
        // both are exact rational computations in doubles; 1e-12 covers summation rounding only
        assertEquals(pairwiseAuc(s, y), RankMetrics.auc(s, y), 1e-12);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertTrue(Double.isNaN(RankMetrics.auc(new double[] {1, 2}, new boolean[] {true, true})));
    }

    @Test
    void balancedAccuracyAveragesBothRecalls() {
        double[] s = {0.9, 0.8, 0.2, 0.6, 0.1};
        boolean[] y = {true, true, true, false, false};
        // positives: 2 of 3 called; negatives: 1 of 2 called negative
        assertEquals(0.5 * (2.0 / 3 + 0.5), RankMetrics.balancedAccuracy(s, y, 0.5), 1e-15);
    }

    @Test
    void spearmanIsPearsonOfMidRanks() {
        double[] a = {1, 2, 2, 3};
        double[] b = {10, 30, 20, 40};
        // ranks a = 1, 2.5, 2.5, 4; ranks b = 1, 3, 2, 4; Pearson of these = 4.5 / sqrt(4.5 * 5)
        assertEquals(4.5 / Math.sqrt(4.5 * 5), RankMetrics.spearman(a, b), 1e-12);
        assertEquals(-1, RankMetrics.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }
}
