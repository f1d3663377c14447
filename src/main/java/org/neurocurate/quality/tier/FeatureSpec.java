package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;

/**
 * Which IQMs the classifier sees and how. Every kept IQM enters as its robust z-score against its
 * site ({@link SiteScaling}); the unit-free IQMs (all but the {@code summary_*} intensity statistics,
 * which are in the scanner's arbitrary units) enter a second time as a z-score against the global
 * reference, so that a site whose scans are mostly bad does not look normal to itself.
 *
 * <p>Left out a priori because they identify the site rather than the scan's quality: the image grid
 * ({@code size_*}, {@code spacing_*}), the tissue voxel counts ({@code summary_*_n}, set by field of view
 * and resolution), and the raw intensity statistics {@code summary_*_{mean,median,p05,p95,stdv,mad}}
 * (scanner units); {@code summary_*_k} (kurtosis, unit-free) stays.
 *
 * @param iqms          IQMs scaled site-wise, in vector order
 * @param globalIqms    IQMs also scaled against the global reference, appended after {@code iqms}
 * @param minSiteScans  a site needs at least this many scans in a table to be its own reference
 */
public record FeatureSpec(List<String> iqms, List<String> globalIqms, int minSiteScans) {

    /** Default smallest site that is scaled against itself: below 10 scans median and IQR are too noisy. */
    public static final int DEFAULT_MIN_SITE_SCANS = 10;

    public FeatureSpec {
        iqms = List.copyOf(iqms);
        globalIqms = List.copyOf(globalIqms);
        if (!iqms.containsAll(globalIqms) || iqms.isEmpty() || minSiteScans < 2) {
            throw new IllegalArgumentException("global IQMs must be a subset of a non-empty IQM list; min site scans >= 2");
        }
    }

    /** The spec for a table's columns with the a-priori exclusions above. */
    public static FeatureSpec fromColumns(List<String> columns, int minSiteScans) {
        List<String> iqms = new ArrayList<>();
        List<String> global = new ArrayList<>();
        for (String c : columns) {
            if (identifiesSite(c)) {
                continue;
            }
            iqms.add(c);
            if (!c.startsWith("summary_")) {
                global.add(c);
            }
        }
        return new FeatureSpec(iqms, global, minSiteScans);
    }

    /** True for the grid, voxel-count and raw-intensity columns left out of the classifier. */
    public static boolean identifiesSite(String column) {
        return column.startsWith("size_") || column.startsWith("spacing_")
                || column.matches("summary_[a-z]+_(n|mean|median|p05|p95|stdv|mad)")
                || column.equals("subject_id") || column.equals("participant_id");
    }

    /** Length of the feature vector. */
    public int width() {
        return iqms.size() + globalIqms.size();
    }

    /** Index of each global IQM within {@code iqms}. */
    int[] globalIndex() {
        return globalIqms.stream().mapToInt(iqms::indexOf).toArray();
    }
}
