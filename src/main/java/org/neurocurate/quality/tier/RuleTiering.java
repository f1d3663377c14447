package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;

/**
 * Tiers without a trained model (modalities without expert ratings): the worst key IQM's robust
 * z-score in its bad direction (see {@link KeyIqm}), against the scan's site in the same table when
 * the site has at least {@code minSiteScans} scans, else against the whole table, is banded as
 * z &lt; 2: tier 5, &lt; 3: tier 4, &lt; 4: tier 3, &lt; 6: tier 2, else tier 1. With about ten key IQMs and
 * normal data (z = 2 IQR is 2.7 SD) some 96% of clean scans land in tier 5.
 */
public final class RuleTiering {

    /** Upper z bounds of tiers 5, 4, 3 and 2. */
    static final double[] BANDS = {2, 3, 4, 6};

    private RuleTiering() {
    }

    public static List<TierAssignment> tier(IqmTable table, int minSiteScans) {
        List<String> iqms = KeyIqm.ALL.stream().map(KeyIqm::name).filter(n -> table.columnIndex(n) >= 0).toList();
        List<TierAssignment> out = new ArrayList<>();
        if (iqms.isEmpty()) {
            for (String id : table.ids()) {
                out.add(new TierAssignment(id, Double.NaN, 0, "not tiered: the table has none of the key IQMs"));
            }
            return out;
        }
        double[][] raw = SiteScaling.columns(table, iqms);
        RobustReference global = RobustReference.of(List.of(raw), iqms.size(), null);
        RobustReference[] refs = SiteScaling.references(raw, table.sites(), minSiteScans, global);
        for (int i = 0; i < raw.length; i++) {
            List<TierReasons.Deviation> dev = TierReasons.deviations(iqms, raw[i], refs[i]);
            if (dev.isEmpty()) {
                out.add(new TierAssignment(table.ids().get(i), Double.NaN, 0,
                        "not tiered: " + table.problems().get(i)));
                continue;
            }
            int tier = tierOf(dev.get(0).badness());
            String norm = TierReasons.normName(refs[i], global, table.sites().get(i), "the table norm");
            out.add(new TierAssignment(table.ids().get(i), Double.NaN, tier,
                    TierReasons.reason(tier, dev, norm, refs[i].scans()) + " [rule-based]"));
        }
        return out;
    }

    /** Tier of the worst directional z-score. */
    static int tierOf(double worst) {
        for (int k = 0; k < BANDS.length; k++) {
            if (worst < BANDS[k]) {
                return 5 - k;
            }
        }
        return 1;
    }
}
