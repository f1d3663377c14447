package org.neurocurate.io.bids;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the site of scans whose own sidecars name no scanner from the other scans of the same subject
 * and session, when those agree on one scanner: a session is one visit to one scanner, so ds000117's
 * FLASH echoes (sidecars with timing only) get the TrioTim of the MPRAGE acquired in the same session.
 * The inferred value is flagged in its note; sessions whose scans name different scanners are left alone.
 */
final class SessionSites {

    static final String DATASET_ONLY_NOTE = "no site column or scanner metadata: dataset as site";

    private SessionSites() { }

    static List<ScanRecord> fill(List<ScanRecord> records) {
        Map<String, Set<String>> sites = new HashMap<>();
        Map<String, Harmonised> example = new HashMap<>();
        for (ScanRecord r : records) {
            Harmonised site = r.harmonised().get(ScansTable.SITE);
            if (site != null && site.isPresent() && !site.note().equals(DATASET_ONLY_NOTE)) {
                sites.computeIfAbsent(key(r), k -> new HashSet<>()).add(site.value());
                example.putIfAbsent(key(r), site);
            }
        }
        List<ScanRecord> out = new ArrayList<>(records.size());
        for (ScanRecord r : records) {
            Harmonised site = r.harmonised().get(ScansTable.SITE);
            Set<String> known = sites.get(key(r));
            if (site == null || !site.note().equals(DATASET_ONLY_NOTE) || known == null || known.size() != 1) {
                out.add(r);
                continue;
            }
            Harmonised from = example.get(key(r));
            Map<String, Harmonised> values = new LinkedHashMap<>(r.harmonised());
            values.put(ScansTable.SITE, new Harmonised(from.value(), from.source(), from.raw(),
                    "from other scans of " + r.participantId() + (r.session().isEmpty() ? "" : " ses-" + r.session())));
            out.add(new ScanRecord(r.dataset(), r.datasetName(), r.participantId(), r.session(), r.name(), r.datatype(), r.path(), r.volumes(),
                    r.fileBytes(), values, r.sidecars(), r.problems()));
        }
        return out;
    }

    private static String key(ScanRecord r) {
        return r.participantId() + "\t" + r.session();
    }
}
