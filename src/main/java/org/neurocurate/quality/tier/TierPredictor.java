package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import org.neurocurate.progress.ProgressListener;

/**
 * Tiers every row of an IQM table with a trained {@link TierModel}. Each scan is scaled against its
 * site in the same table (or the whole table when there is no site column) when that group has enough
 * scans, else against the model's global reference. A row missing some IQMs is tiered with those
 * imputed at the reference median and says so; a row missing more than half is not tiered.
 */
public final class TierPredictor {

    private TierPredictor() {
    }

    public static List<TierAssignment> predict(IqmTable table, TierModel model, ProgressListener listener) {
        TierFeatures f = TierFeatures.of(table, model.spec(), model.global());
        int n = table.rows();
        int width = model.spec().iqms().size();
        List<TierAssignment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = table.ids().get(i);
            int missing = f.missing(i);
            if (missing * 2 > width) {
                out.add(new TierAssignment(id, Double.NaN, 0, "not tiered: " + missing + " of " + width
                        + " model IQMs missing or not numeric" + problem(table, i)));
                continue;
            }
            double p = model.pUsable(f.vectors()[i]);
            int tier = model.scale().tier(p);
            String norm = TierReasons.normName(f.references()[i], model.global(), table.sites().get(i),
                    "the global norm of the training scans");
            String reason = TierReasons.reason(tier, TierReasons.deviations(model.spec().iqms(), f.raw()[i],
                    f.references()[i]), norm, f.references()[i].scans());
            if (missing > 0) {
                reason += "; imputed at the reference median: " + missingNames(model.spec().iqms(), f.raw()[i]);
            }
            out.add(new TierAssignment(id, p, tier, reason));
            listener.progress(i + 1, n);
        }
        return out;
    }

    private static String problem(IqmTable table, int i) {
        String p = table.problems().get(i);
        return p.isEmpty() ? "" : " (" + p + ")";
    }

    private static String missingNames(List<String> iqms, double[] raw) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < raw.length; f++) {
            if (Double.isNaN(raw[f])) {
                names.add(iqms.get(f));
            }
        }
        return String.join(", ", names);
    }

    /** Fraction of the model's IQMs that are columns of the table. */
    public static double coverage(IqmTable table, TierModel model) {
        long have = model.spec().iqms().stream().filter(c -> table.columnIndex(c) >= 0).count();
        return (double) have / model.spec().iqms().size();
    }
}
