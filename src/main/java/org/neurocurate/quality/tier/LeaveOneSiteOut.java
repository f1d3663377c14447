package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.neurocurate.progress.ProgressListener;

/**
 * Leave-one-site-out cross-validation: for each site in name order, fit on all other sites and score
 * the held-out site, scaled against itself (no ratings of that site are used).
 */
public final class LeaveOneSiteOut {

    private LeaveOneSiteOut() {
    }

    /** Sorted distinct sites of a table. */
    public static List<String> sites(IqmTable table) {
        return new ArrayList<>(new TreeSet<>(table.sites()));
    }

    /** Out-of-site scores of every row. */
    public static double[] scores(ExpertRatings.RatedScans rated, TierTrainingConfig config,
                                  ProgressListener listener) {
        IqmTable table = rated.table();
        List<String> sites = sites(table);
        double[] out = new double[table.rows()];
        for (int s = 0; s < sites.size(); s++) {
            if (listener.isCancelled()) {
                throw new java.util.concurrent.CancellationException("leave-one-site-out cancelled");
            }
            String site = sites.get(s);
            listener.status("leave-one-site-out: holding out " + site);
            int[] test = rowsWhere(table, site, true);
            int[] train = rowsWhere(table, site, false);
            boolean[] y = new boolean[train.length];
            for (int k = 0; k < train.length; k++) {
                y[k] = rated.usable()[train[k]];
            }
            FittedPipeline fit = FittedPipeline.fit(table.subset(train), y, config);
            double[] sc = fit.scores(table.subset(test));
            for (int k = 0; k < test.length; k++) {
                out[test[k]] = sc[k];
            }
            listener.progress(s + 1, sites.size());
        }
        return out;
    }

    static int[] rowsWhere(IqmTable table, String site, boolean equal) {
        return java.util.stream.IntStream.range(0, table.rows())
                .filter(i -> site.equals(table.sites().get(i)) == equal).toArray();
    }
}
