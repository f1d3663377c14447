package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated IQM tables for tests: several sites, each with its own offset and spread of every IQM
 * (as scanners differ), and a fraction of degraded scans whose efc, qi_1 and cjv are raised and
 * cnr and snr_total lowered by {@code effect} site-IQRs.
 */
final class SyntheticIqms {

    static final List<String> COLUMNS = List.of("cjv", "cnr", "efc", "fber", "qi_1", "qi_2", "snr_total",
            "inu_range", "fwhm_avg", "tpm_overlap_gm", "size_x", "spacing_x", "summary_bg_n");

    /** Bad direction per column: +1 worse when higher, -1 worse when lower, 0 unaffected. */
    private static final int[] DEGRADE = {1, -1, 1, 0, 1, 0, -1, 0, 0, 0, 0, 0, 0};

    private SyntheticIqms() {
    }

    /** A table and the usable label per row. */
    static ExpertRatings.RatedScans generate(int sites, int perSite, double badFraction, double effect, long seed) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> siteNames = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> usable = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            double[] offset = new double[COLUMNS.size()];
            double[] spread = new double[COLUMNS.size()];
            for (int c = 0; c < offset.length; c++) {
                offset[c] = 1 + 3 * r.nextDouble();
                spread[c] = 0.05 + 0.2 * r.nextDouble();
            }
            for (int k = 0; k < perSite; k++) {
                boolean bad = r.nextDouble() < badFraction;
                double[] v = new double[COLUMNS.size()];
                for (int c = 0; c < v.length; c++) {
                    // sd = IQR / 1.349 for a normal distribution
                    v[c] = offset[c] + spread[c] / 1.349 * r.nextGaussian() + (bad ? DEGRADE[c] * effect * spread[c] : 0);
                }
                v[10] = 160 + 16 * s; // size_x identifies the site
                v[11] = 1 + 0.05 * s;
                v[12] = 1e6 * (1 + s);
                ids.add("sub-" + s + "x" + k);
                siteNames.add("S" + s);
                problems.add("");
                rows.add(v);
                usable.add(!bad);
            }
        }
        boolean[] y = new boolean[usable.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = usable.get(i);
        }
        return new ExpertRatings.RatedScans(new IqmTable("participant_id", ids, siteNames, COLUMNS,
                rows.toArray(new double[0][]), problems), y);
    }
}
