package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary_<region>_<stat>}: MRIQC's weighted summary statistics of the image per region
 * (mriqc/qc/anatomical.py {@code summary_stats}); background weights are the air mask, tissue weights
 * the partial-volume maps. See {@link WeightedSummaries} for the exact definitions. Descriptive.
 */
public final class SummaryStatsFeature implements IqmFeature {

    private static final String[] STATS = {"k", "mad", "mean", "median", "n", "p05", "p95", "stdv"};

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.values()) {
            for (String s : STATS) {
                out.add(IqmDefinition.of(key(r, s), Direction.DESCRIPTIVE,
                        "weighted " + s + " of the image in " + r.key() + " (statsmodels DescrStatsW, MRIQC summary_stats)"));
            }
        }
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        for (Region r : Region.values()) {
            RegionSummary s = context.summary(r);
            out.put(key(r, "k"), s.k());
            out.put(key(r, "mad"), s.mad());
            out.put(key(r, "mean"), s.mean());
            out.put(key(r, "median"), s.median());
            out.put(key(r, "n"), s.n());
            out.put(key(r, "p05"), s.p05());
            out.put(key(r, "p95"), s.p95());
            out.put(key(r, "stdv"), s.stdv());
        }
    }

    private static String key(Region r, String stat) {
        return "summary_" + r.key() + "_" + stat;
    }
}
