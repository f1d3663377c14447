package org.neurocurate.quality.tier;

/**
 * Feature vectors of a table's scans under a {@link FeatureSpec}, with the reference each scan was
 * compared to (kept for the reason strings).
 *
 * @param raw         raw IQM values in {@code spec.iqms()} order, NaN where missing
 * @param vectors     the classifier's input rows
 * @param references  per row, the site or global reference used
 */
public record TierFeatures(double[][] raw, double[][] vectors, RobustReference[] references) {

    /**
     * Builds the vectors: site z-scores of all IQMs, then global z-scores of the unit-free ones.
     *
     * @param global  the global (training) reference, in {@code spec.iqms()} order
     */
    public static TierFeatures of(IqmTable table, FeatureSpec spec, RobustReference global) {
        double[][] raw = SiteScaling.columns(table, spec.iqms());
        RobustReference[] refs = SiteScaling.references(raw, table.sites(), spec.minSiteScans(), global);
        double[][] site = SiteScaling.scale(raw, refs);
        int[] gi = spec.globalIndex();
        double[][] v = new double[raw.length][spec.width()];
        for (int i = 0; i < raw.length; i++) {
            System.arraycopy(site[i], 0, v[i], 0, site[i].length);
            for (int k = 0; k < gi.length; k++) {
                double z = global.z(gi[k], raw[i][gi[k]]);
                v[i][site[i].length + k] = Double.isFinite(z) ? z : 0;
            }
        }
        return new TierFeatures(raw, v, refs);
    }

    /** Number of IQMs of row {@code i} that are missing (NaN). */
    public int missing(int i) {
        int m = 0;
        for (double x : raw[i]) {
            m += Double.isNaN(x) ? 1 : 0;
        }
        return m;
    }
}
