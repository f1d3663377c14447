package org.neurocurate.quality.tier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neurocurate.quality.masks.Anonymisation;

/**
 * Tiers from how far a scan's artefact-sensitive IQMs ({@link KeyIqm#ARTIFACT_SENSITIVE}) lie from
 * the norm of its site's typical scans (a scale never below the IQM's {@link KeyIqm#resolution()}; of
 * its logarithm for a {@link KeyIqm#logScale()} IQM):
 * the worst robust z-score in an IQM's bad direction is banded as
 * z &lt; 2: tier 5, &lt; 3: tier 4, &lt; 4: tier 3, &lt; 6: tier 2, else tier 1. The norm is that of the
 * scan's site in the same table (see {@link #siteNorms} for small sites), else of the whole table.
 * It needs no ratings, so it serves modalities without a trained model and IQMs from pipelines other
 * than the one a model was trained on.
 *
 * <p>The norm is the median and IQR of the group's <em>typical</em> scans ({@link #typicalNorm}):
 * artefacts push these IQMs one way only, so a cohort with many corrupted scans inflates a plain IQR
 * and hides them (a generated 4 mm cohort of 90 scans, 40 % corrupted, measured with the masks of the
 * time: Spearman ρ with the true tier 0.75 against the plain site IQR, 0.85 against the typical scans'
 * norm; bench/tiers-synth re-measures the current pipeline). It cannot help when most of a site's scans
 * are corrupted (80 %: ρ 0.42): then the site's typical scan is a corrupted one. For slice_dropout,
 * whose level depends little on the site ({@link KeyIqm#siteFree()}), the whole table helps a site
 * half corrupted by dropouts ({@link #typicalNorm}, {@link #siteNorms}): on a generated 3 mm cohort (40
 * scans, seed 12) ρ 0.781 → 0.848 and clean scans in tiers 4–5 21 → 22 of 22; unchanged on 3 mm seeds 11,
 * 13, 14, the 4 mm cohort of QcGroupTiersOnCohortTest and the demo; 4 mm, 90 scans: ρ 0.896 → 0.881
 * (seed 11), 0.842 → 0.840 (12), unchanged (13). With some seven
 * IQMs and normal data (z = 2 IQR is 2.7 SD) about 97 % of clean scans land in tier 5.
 *
 * <p>The classifier's calibrated probability that the scan is usable, when known, is reported beside
 * the tier but does not change it: letting it lower tiers 2–4 by one when below the scale's first cut
 * made the tiers of generated cohorts worse or no better (Spearman ρ with the true tiers on three
 * cohorts, deviations alone vs with the classifier: 0.829 vs 0.806, 0.788 vs 0.748, 0.764 vs 0.766),
 * as the model learned another pipeline's IQMs.
 */
public final class RuleTiering {

    /** Upper z bounds of tiers 5, 4, 3 and 2. */
    static final double[] BANDS = {2, 3, 4, 6};

    /** A scan whose worst deviation reaches this (tier 3 or lower) is not typical and leaves the norm. */
    static final double TYPICAL_Z = 3;

    /**
     * A scan whose deviation from the whole table's norm in a {@link KeyIqm#siteFree()} IQM reaches this
     * (tier 2 or lower against the table) leaves its site's norm: the site levels of such an IQM still
     * differ somewhat (slice_dropout of clean scans: 0.01–0.07 at one generated 3 mm site, 0.07–0.21 at
     * another), so a scan only moderately above the table's typical scans may be a clean one.
     */
    static final double TABLE_ATYPICAL_Z = 4;

    /** Fewest scans of a site whose median serves as the site's level. */
    static final int MIN_LOCATION = 3;

    /**
     * Fewest scans of a group whose typical norm starts from its better half ({@link #typicalNorm}): the
     * half's IQR rests on at least 10 scans, as many as a site needs for a norm of its own by default.
     */
    static final int CONCENTRATION_MIN_SCANS = 20;

    /** Column of NeuroCurate's QC tables that flags a skull-stripped scan (1, or "true" in a file). */
    static final String STRIPPED_COLUMN = Anonymisation.STRIPPED_FLAG;

    /** Rounds of re-estimating the norm from the typical scans; it settles in two or three. */
    private static final int MAX_ROUNDS = 10;

    private RuleTiering() {
    }

    /** Rule-based tiers of every row (no classifier evidence). */
    public static List<TierAssignment> tier(IqmTable table, int minSiteScans) {
        return tier(table, minSiteScans, null);
    }

    /**
     * Tiers of every row, with the classifier's {@code pUsable} reported beside them.
     *
     * @param pUsable  per row, the classifier's calibrated probability (NaN where unknown); null for none
     */
    public static List<TierAssignment> tier(IqmTable table, int minSiteScans, double[] pUsable) {
        List<KeyIqm> keys = KeyIqm.ARTIFACT_SENSITIVE.stream().filter(k -> table.columnIndex(k.name()) >= 0).toList();
        List<TierAssignment> out = new ArrayList<>();
        if (keys.isEmpty()) {
            for (String id : table.ids()) {
                out.add(new TierAssignment(id, Double.NaN, 0, "not tiered: the table has none of the key IQMs ("
                        + String.join(", ", KeyIqm.ARTIFACT_SENSITIVE.stream().map(KeyIqm::name).toList()) + ")"));
            }
            return out;
        }
        List<String> iqms = keys.stream().map(KeyIqm::name).toList();
        double[][] raw = SiteScaling.columns(table, iqms);
        withoutAirOfStrippedScans(raw, table, keys);
        double[][] measured = onTheirScales(raw, keys);
        RobustReference global = typicalNorm(List.of(measured), keys, null, null);
        RobustReference[] refs = siteNorms(measured, table.sites(), minSiteScans, keys, global);
        for (int i = 0; i < raw.length; i++) {
            List<TierReasons.Deviation> dev = TierReasons.deviations(iqms, raw[i], measured[i], refs[i]);
            if (dev.isEmpty()) {
                out.add(new TierAssignment(table.ids().get(i), Double.NaN, 0,
                        "not tiered: " + table.problems().get(i)));
                continue;
            }
            int tier = tierOf(dev.get(0).badness());
            double p = pUsable == null ? Double.NaN : pUsable[i];
            String norm = TierReasons.normName(refs[i], global, table.sites().get(i), "the table norm");
            String reason = TierReasons.reason(tier, dev, norm + "'s typical scans", refs[i].scans());
            out.add(new TierAssignment(table.ids().get(i), p, tier, reason + evidence(p)));
        }
        return out;
    }

    /**
     * Missing (NaN) for the rows of skull-stripped scans (column {@value #STRIPPED_COLUMN} 1): the key
     * IQMs measured on the air ({@link KeyIqm#fromAir()}), in the row's own deviations and in every norm.
     */
    private static void withoutAirOfStrippedScans(double[][] raw, IqmTable table, List<KeyIqm> keys) {
        if (table.columnIndex(STRIPPED_COLUMN) < 0) {
            return;
        }
        for (int i = 0; i < raw.length; i++) {
            if (table.value(i, STRIPPED_COLUMN) == 1) {
                for (int f = 0; f < keys.size(); f++) {
                    if (keys.get(f).fromAir()) {
                        raw[i][f] = Double.NaN;
                    }
                }
            }
        }
    }

    /** The values as norms see them: the log of a {@link KeyIqm#logScale()} IQM (NaN for values ≤ 0). */
    private static double[][] onTheirScales(double[][] raw, List<KeyIqm> keys) {
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i].clone();
            for (int f = 0; f < keys.size(); f++) {
                if (keys.get(f).logScale()) {
                    out[i][f] = raw[i][f] > 0 ? Math.log(raw[i][f]) : Double.NaN;
                }
            }
        }
        return out;
    }

    private static String evidence(double p) {
        return Double.isNaN(p) ? " [rule-based]"
                : String.format(Locale.ROOT, " [IQM deviations; classifier p_usable=%.2f]", p);
    }

    /**
     * The norm of every row: its site's typical scans when the site has at least {@code minSiteScans}
     * scans; for a smaller site (down to {@value #MIN_LOCATION} scans) the site's median with the larger
     * of the pooled within-site spread (the typical norm of all scans centred on their site's median) and
     * the site's own, since a handful of scans gives a median but no trustworthy IQR, while a site whose
     * protocol varies more (thick slices, say) must not be judged by the others' tighter spread; else
     * the whole table's typical norm ({@code global}).
     */
    static RobustReference[] siteNorms(double[][] raw, List<String> sites, int minSiteScans, List<KeyIqm> keys,
                                       RobustReference global) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            if (sites.get(i) != null) {
                groups.computeIfAbsent(sites.get(i), k -> new ArrayList<>()).add(i);
            }
        }
        RobustReference[] refs = new RobustReference[raw.length];
        Arrays.fill(refs, global);
        if (groups.isEmpty()) {
            return refs;
        }
        double[][] centred = new double[raw.length][];
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            List<Integer> g = sites.get(i) == null ? null : groups.get(sites.get(i));
            double[] med = g != null && g.size() >= MIN_LOCATION
                    ? medians.computeIfAbsent(sites.get(i), s -> RobustReference.of(rowsOf(raw, g), keys.size(), global).median())
                    : global.median();
            centred[i] = new double[keys.size()];
            for (int f = 0; f < keys.size(); f++) {
                centred[i][f] = raw[i][f] - med[f];
            }
        }
        RobustReference pooled = typicalNorm(List.of(centred), keys, null, null);
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            List<Integer> g = e.getValue();
            RobustReference site;
            if (g.size() >= minSiteScans) {
                site = siteFreeSpread(typicalNorm(rowsOf(raw, g), keys, global, global), pooled, keys);
            } else if (g.size() >= MIN_LOCATION) {
                double[] own = typicalNorm(rowsOf(raw, g), keys, global, null).scale();
                double[] scale = pooled.scale().clone();
                for (int f = 0; f < scale.length; f++) {
                    if (own[f] > scale[f]) {
                        scale[f] = own[f];
                    }
                }
                site = new RobustReference(medians.get(e.getKey()), scale, g.size());
            } else {
                continue;
            }
            g.forEach(i -> refs[i] = site);
        }
        return refs;
    }

    /**
     * A site's norm with the scale of every {@link KeyIqm#siteFree()} IQM no wider than the pooled
     * within-site spread ({@code pooled}; both scales already reach the IQM's resolution): such an IQM
     * varies as much within one site as within another, so a wider spread of a site's typical scans
     * means that corrupted scans are among them (the half-corrupted site of {@link #typicalNorm}, whose
     * typical scans held three of its moderate dropouts).
     */
    private static RobustReference siteFreeSpread(RobustReference site, RobustReference pooled, List<KeyIqm> keys) {
        double[] scale = site.scale().clone();
        for (int f = 0; f < scale.length; f++) {
            if (keys.get(f).siteFree()) {
                scale[f] = Math.min(scale[f], pooled.scale()[f]);
            }
        }
        return new RobustReference(site.median(), scale, site.scans());
    }

    private static List<double[]> rowsOf(double[][] raw, List<Integer> rows) {
        return rows.stream().map(i -> raw[i]).toList();
    }

    /**
     * The norm of a group's typical scans: median and IQR of the scans whose worst deviation in the
     * key IQMs' bad directions, against the current norm, is below {@value #TYPICAL_Z}, re-estimated
     * until the typical set no longer changes. It never rests on fewer than half the group, the median's
     * breakdown point; its {@code scans} is the number of typical scans.
     *
     * <p>A group of {@value #CONCENTRATION_MIN_SCANS} or more scans starts from the better half (the
     * scans whose worst deviation against all scans' norm is smallest).
     * Starting from all scans, a site whose corrupted scans are many and graded settles on a norm wide
     * enough to call most of them typical: a generated 4 mm site of 36 scans, 17 corrupted (seed 14),
     * took 31 for typical, and its most severe noise and motion scans (severity 0.75–0.98) stayed in
     * tiers 4–5; from its better half, 23 (the site has 19 clean scans; 21 with the log-scale SNRs as
     * well; cohort ρ 0.687 → 0.804 with this change alone). The half's own IQR is too tight, but the
     * re-estimation lets in every scan within {@value #TYPICAL_Z} of it (the 18 grew to 23 here); at
     * sites of 13–16 scans the half was too small for that, and starting from it put up to three more
     * clean scans of a cohort below tier 4. A smaller group starts from its median and twice its median
     * absolute deviation (the IQR of a normal sample with that MAD), which measures the better half's
     * spread while up to half the scans are outliers; the IQR breaks down at a quarter. A generated
     * 4×4×12 mm site of 7 scans (cohort seed 14 at 4 mm), 3 of them corrupted (two spikes of severity
     * 0.98, noise 0.37), had its upper quartile on them, called all seven typical and put the three in
     * tiers 4–5 (efc 0.80 against 0.65, z = 1.5); cohort ρ 0.775 → 0.878, unchanged on six other
     * generated cohorts (3 and 4 mm, 40–90 scans).
     * With a {@code table} norm, a scan far from it in a {@link KeyIqm#siteFree()} IQM
     * ({@value #TABLE_ATYPICAL_Z}) is never typical: when a site is half corrupted by one artefact, its
     * own median sits among the corrupted scans and would take them for typical (a generated 3 mm site
     * with 6 of 12 scans corrupted, 5 by slice dropout).
     *
     * @param table  the whole table's typical norm for a site's group, null for none
     */
    static RobustReference typicalNorm(List<double[]> rows, List<KeyIqm> keys, RobustReference fallback,
                                       RobustReference table) {
        RobustReference ref;
        List<double[]> typical = rows;
        if (rows.size() >= CONCENTRATION_MIN_SCANS) {
            RobustReference all = atResolution(RobustReference.of(rows, keys.size(), fallback), keys);
            typical = rows.stream().sorted(Comparator.comparingDouble(r -> worst(r, all, keys)))
                    .limit((rows.size() + 1) / 2).toList();
            ref = atResolution(RobustReference.of(typical, keys.size(), fallback), keys);
        } else {
            ref = atResolution(RobustReference.ofMedianDeviation(rows, keys.size(), fallback), keys);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            RobustReference current = ref;
            List<double[]> next = rows.stream()
                    .filter(r -> worst(r, current, keys) < TYPICAL_Z && (table == null || !atypicalSiteFree(r, table, keys)))
                    .toList();
            if (next.equals(typical) || 2 * next.size() < rows.size()) {
                break;
            }
            typical = next;
            ref = atResolution(RobustReference.of(typical, keys.size(), fallback), keys);
        }
        return ref;
    }

    /** The reference with every key IQM's scale raised to at least its {@link KeyIqm#resolution()}. */
    private static RobustReference atResolution(RobustReference ref, List<KeyIqm> keys) {
        double[] scale = ref.scale().clone();
        for (int f = 0; f < scale.length; f++) {
            scale[f] = Math.max(scale[f], keys.get(f).resolution());
        }
        return new RobustReference(ref.median(), scale, ref.scans());
    }

    /** Whether a row's deviation from the table's norm in a {@link KeyIqm#siteFree()} IQM reaches {@value #TABLE_ATYPICAL_Z}. */
    private static boolean atypicalSiteFree(double[] row, RobustReference table, List<KeyIqm> keys) {
        for (int f = 0; f < keys.size(); f++) {
            if (keys.get(f).siteFree() && keys.get(f).badness(table.z(f, row[f])) >= TABLE_ATYPICAL_Z) {
                return true;
            }
        }
        return false;
    }

    /** The largest z-score of a row in its IQMs' bad directions; missing values do not count. */
    private static double worst(double[] row, RobustReference ref, List<KeyIqm> keys) {
        double w = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < keys.size(); f++) {
            double b = keys.get(f).badness(ref.z(f, row[f]));
            if (b > w) {
                w = b;
            }
        }
        return w;
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
