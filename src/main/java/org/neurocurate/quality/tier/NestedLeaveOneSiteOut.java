package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import org.neurocurate.progress.ProgressListener;

/**
 * Nested leave-one-site-out: for each held-out site, every candidate pipeline is scored by an inner
 * leave-one-site-out over the remaining sites (mean per-site AUC over inner sites with both classes),
 * the best is fitted on all remaining sites and scores the held-out site. The outer scores therefore
 * include the cost of choosing among the candidates, which a plain LOSO of the chosen pipeline hides.
 */
public final class NestedLeaveOneSiteOut {

    private NestedLeaveOneSiteOut() {
    }

    /** Outer scores per row and, per held-out site (sorted), the index of the candidate chosen for it. */
    public record Result(double[] scores, List<String> sites, List<Integer> chosen) {
        public Result {
            sites = List.copyOf(sites);
            chosen = List.copyOf(chosen);
        }
    }

    /**
     * The candidates compared by {@link #scores}: MRIQC-style, two forests on NeuroCurate's features, the
     * forest averaged with logistic boosting (one run: the default until the site-pairwise loss), the default.
     */
    public static List<TierTrainingConfig> defaultCandidates() {
        TierTrainingConfig d = TierTrainingConfig.defaults();
        TierTrainingConfig forestOnly = d.withBoosting(null);
        return List.of(TierTrainingConfig.mriqcStyle(), forestOnly,
                forestOnly.withForest(new ForestConfig(400, 10, 10, 0, true, d.seed())),
                d.withBoosting(d.boosting().withLoss(BoostingConfig.Loss.LOGISTIC).withMembers(1)), d);
    }

    public static Result scores(ExpertRatings.RatedScans rated, List<TierTrainingConfig> candidates, long seed,
                                ProgressListener listener) {
        IqmTable table = rated.table();
        List<String> sites = LeaveOneSiteOut.sites(table);
        double[] out = new double[table.rows()];
        List<Integer> chosen = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            int[] test = LeaveOneSiteOut.rowsWhere(table, sites.get(s), true);
            int[] train = LeaveOneSiteOut.rowsWhere(table, sites.get(s), false);
            boolean[] y = new boolean[train.length];
            for (int k = 0; k < train.length; k++) {
                y[k] = rated.usable()[train[k]];
            }
            ExpertRatings.RatedScans inner = new ExpertRatings.RatedScans(table.subset(train), y);
            int best = choose(inner, candidates, seed);
            chosen.add(best);
            listener.status("nested LOSO: " + sites.get(s) + " uses candidate " + best);
            double[] sc = FittedPipeline.fit(inner.table(), y, candidates.get(best).withSeed(seed))
                    .scores(table.subset(test));
            for (int k = 0; k < test.length; k++) {
                out[test[k]] = sc[k];
            }
            listener.progress(s + 1, sites.size());
        }
        return new Result(out, sites, chosen);
    }

    /** Index of the candidate with the highest inner mean per-site AUC (first on ties). */
    private static int choose(ExpertRatings.RatedScans inner, List<TierTrainingConfig> candidates, long seed) {
        int best = 0;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates.size(); c++) {
            double[] sc = LeaveOneSiteOut.scores(inner, candidates.get(c).withSeed(seed), ProgressListener.NONE);
            double auc = LosoReport.of(inner.table(), inner.usable(), sc, sc).ours().aucMean();
            if (auc > bestAuc) {
                bestAuc = auc;
                best = c;
            }
        }
        return best;
    }
}
