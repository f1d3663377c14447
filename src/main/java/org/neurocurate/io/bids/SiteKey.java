package org.neurocurate.io.bids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site of a scan, the unit for site-effect handling and tiering. In order of preference:
 * {@code <dataset>/<value>} from an explicit site or scanner column of participants.tsv;
 * {@code <dataset>/<manufacturer>_<model>_<field>T} from the sidecars (missing parts left out);
 * {@code <dataset>} alone when neither exists (a single-site assumption, flagged in the note; see
 * {@link SessionSites} for the same-session fill-in).
 */
final class SiteKey {

    private SiteKey() { }

    static Harmonised of(String dataset, Harmonised siteColumn, Map<String, Harmonised> scanner) {
        if (siteColumn.isPresent()) {
            return new Harmonised(dataset + "/" + siteColumn.value().replace(' ', '_'), siteColumn.source(),
                    siteColumn.raw(), "dataset + site column");
        }
        List<String> parts = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String c : List.of(ScansTable.MANUFACTURER, ScansTable.MODEL, ScansTable.FIELD_STRENGTH)) {
            Harmonised h = scanner.get(c);
            if (h != null && h.isPresent()) {
                parts.add(c.equals(ScansTable.FIELD_STRENGTH) ? h.value() + "T" : h.value().replace(' ', '_'));
                raws.add(h.raw());
                sources.add(h.source());
            }
        }
        if (parts.isEmpty()) {
            return new Harmonised(dataset, "dataset", dataset, SessionSites.DATASET_ONLY_NOTE);
        }
        return new Harmonised(dataset + "/" + String.join("_", parts), String.join("+", sources),
                String.join(" ", raws), "dataset + scanner");
    }
}
