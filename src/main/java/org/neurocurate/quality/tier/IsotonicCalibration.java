package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a classifier score to a calibrated probability by isotonic regression (pool adjacent violators;
 * Zadrozny and Elkan 2002, KDD) fitted on out-of-site scores: the fitted step function's blocks are
 * kept as knots (mean score, fraction positive) and a score between knots is interpolated linearly,
 * clamped at the ends. The map is non-decreasing.
 *
 * @param score        knot abscissae, ascending
 * @param probability  knot values, non-decreasing, in [0, 1]
 */
public record IsotonicCalibration(double[] score, double[] probability) {

    public IsotonicCalibration {
        if (score.length == 0 || score.length != probability.length) {
            throw new IllegalArgumentException("calibration needs matching, non-empty knots");
        }
    }

    /** Fits the map from scores and labels (true = positive). */
    public static IsotonicCalibration fit(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        List<double[]> blocks = new ArrayList<>(); // {sumScore, sumLabel, count}
        for (int i : order) {
            blocks.add(new double[] {scores[i], positive[i] ? 1 : 0, 1});
            while (blocks.size() > 1 && mean(blocks.get(blocks.size() - 2)) >= mean(blocks.get(blocks.size() - 1))) {
                double[] last = blocks.remove(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 1);
                for (int k = 0; k < 3; k++) {
                    prev[k] += last[k];
                }
            }
        }
        double[] s = new double[blocks.size()];
        double[] p = new double[blocks.size()];
        for (int b = 0; b < s.length; b++) {
            s[b] = TreeArrays.toFloat(blocks.get(b)[0] / blocks.get(b)[2]);
            p[b] = TreeArrays.toFloat(mean(blocks.get(b)));
        }
        return new IsotonicCalibration(s, p);
    }

    private static double mean(double[] block) {
        return block[1] / block[2];
    }

    /** The calibrated probability of a score. */
    public double apply(double s) {
        if (s <= score[0]) {
            return probability[0];
        }
        int n = score.length;
        if (s >= score[n - 1]) {
            return probability[n - 1];
        }
        int hi = 1;
        while (score[hi] < s) {
            hi++;
        }
        int lo = hi - 1;
        double span = score[hi] - score[lo];
        double t = span > 0 ? (s - score[lo]) / span : 1;
        return probability[lo] + t * (probability[hi] - probability[lo]);
    }
}
