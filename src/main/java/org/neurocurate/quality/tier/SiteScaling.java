package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Site-wise robust scaling (as MRIQC's classifier, Esteban et al. 2017): every IQM of a scan becomes
 * its robust z-score {@code (x - median_site) / IQR_site} against the scans of its own site in the
 * same table. It needs no ratings of that site, so it applies to an unseen site as it is. Sites with
 * fewer than {@code minSiteScans} scans, and scans without a site, are scaled against the global
 * reference instead (when the table has no site column at all, the whole table is one site). Missing
 * values become 0, the reference median.
 */
public final class SiteScaling {

    private SiteScaling() {
    }

    /** The raw values of the given columns, row-major. */
    public static double[][] columns(IqmTable table, List<String> features) {
        int[] idx = new int[features.size()];
        for (int f = 0; f < idx.length; f++) {
            idx[f] = table.columnIndex(features.get(f));
        }
        double[][] out = new double[table.rows()][idx.length];
        for (int i = 0; i < table.rows(); i++) {
            for (int f = 0; f < idx.length; f++) {
                out[i][f] = idx[f] < 0 ? Double.NaN : table.values()[i][idx[f]];
            }
        }
        return out;
    }

    /** The reference each row is compared to: its site's, or {@code global}. */
    public static RobustReference[] references(double[][] raw, List<String> sites, int minSiteScans,
                                               RobustReference global) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        boolean anySite = sites.stream().anyMatch(Objects::nonNull);
        for (int i = 0; i < raw.length; i++) {
            String key = anySite ? sites.get(i) : "";
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        RobustReference[] refs = new RobustReference[raw.length];
        for (List<Integer> rows : groups.values()) {
            if (rows.size() < minSiteScans) {
                continue;
            }
            List<double[]> values = new ArrayList<>();
            rows.forEach(i -> values.add(raw[i]));
            RobustReference site = RobustReference.of(values, global.median().length, global);
            rows.forEach(i -> refs[i] = site);
        }
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] == null) {
                refs[i] = global;
            }
        }
        return refs;
    }

    /** Robust z-scores of every value against its row's reference; NaN becomes 0. */
    public static double[][] scale(double[][] raw, RobustReference[] refs) {
        double[][] z = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            z[i] = new double[raw[i].length];
            for (int f = 0; f < raw[i].length; f++) {
                double v = refs[i].z(f, raw[i][f]);
                z[i][f] = Double.isFinite(v) ? v : 0;
            }
        }
        return z;
    }
}
