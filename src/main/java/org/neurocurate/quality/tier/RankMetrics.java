package org.neurocurate.quality.tier;

import java.util.Arrays;

/** Threshold-free and thresholded measures of a binary classifier's scores. */
public final class RankMetrics {

    private RankMetrics() {
    }

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random
     * negative, ties counting 1/2 (Mann-Whitney U / (n_pos n_neg)). NaN when a class is absent.
     */
    public static double auc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && score[order[end + 1]] == score[order[k]]) {
                end++;
            }
            double midRank = (k + end) / 2.0 + 1;
            for (int j = k; j <= end; j++) {
                if (positive[order[j]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            k = end + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * Balanced accuracy of the rule "positive when score >= threshold": the mean of sensitivity and
     * specificity. With one class present it is that class's recall.
     */
    public static double balancedAccuracy(double[] score, boolean[] positive, double threshold) {
        int tp = 0;
        int p = 0;
        int tn = 0;
        int m = 0;
        for (int i = 0; i < score.length; i++) {
            boolean call = score[i] >= threshold;
            if (positive[i]) {
                p++;
                tp += call ? 1 : 0;
            } else {
                m++;
                tn += call ? 0 : 1;
            }
        }
        if (p == 0 && m == 0) {
            return Double.NaN;
        }
        if (p == 0) {
            return (double) tn / m;
        }
        if (m == 0) {
            return (double) tp / p;
        }
        return 0.5 * ((double) tp / p + (double) tn / m);
    }

    /**
     * Spearman's rank correlation ρ: the Pearson correlation of the ranks, ties sharing their mean rank.
     * NaN when either variable is constant.
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("spearman needs two arrays of one length");
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = LosoReport.mean(ra);
        double mb = LosoReport.mean(rb);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** 1-based ranks, ties sharing the mean of their ranks. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[n];
        int k = 0;
        while (k < n) {
            int end = k;
            while (end + 1 < n && v[order[end + 1]] == v[order[k]]) {
                end++;
            }
            for (int j = k; j <= end; j++) {
                r[order[j]] = (k + end) / 2.0 + 1;
            }
            k = end + 1;
        }
        return r;
    }
}
