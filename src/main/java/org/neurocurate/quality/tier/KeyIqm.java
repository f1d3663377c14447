package org.neurocurate.quality.tier;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neurocurate.quality.iqm.GhostToSignal;

/**
 * The IQMs that tier reasons and the rule-based tiering look at, each with its bad direction and the
 * artefact a bad value usually points to (Esteban et al. 2017; MRIQC documentation, "IQMs for
 * structural images").
 *
 * <p>{@link #ARTIFACT_SENSITIVE} are the ones the rule-based tiering bands: IQMs that an acquisition
 * artefact can only push in their bad direction — noise lowers snr_wm and snrd_total, motion and
 * ghosting raise efc and qi_1 and lower fber (signal spread into the air), blurring and ringing raise
 * fwhm_avg, a bias field raises inu_range, a slab of lost signal raises slice_dropout, ghosts (and
 * motion, which ghosts along the phase-encoding axis) raise gsr_x, gsr_y or gsr_z (NeuroCurate's own,
 * see {@link org.neurocurate.quality.iqm.SliceDropout} and
 * {@link GhostToSignal}; absent from MRIQC's tables, where the tiering
 * simply goes without them). The others move either way with an artefact because they
 * depend on the tissue model fitted to the corrupted image itself (measured on generated cohorts: with
 * dropout or a bias field cjv falls and cnr rises as often as not; tpm_overlap_gm and qi_2 barely
 * move), so they only serve in reasons of the classifier's tiers. snr_wm stands for the noise, not
 * snr_total: snr_total also averages CSF and GM SNR, which fall with atrophy (partial volume), so clean
 * scans of old subjects sat 4–6 robust z below their site (generated 3 mm cohort of 40 scans: ρ with the
 * true tier 0.695 → 0.748, clean scans in tiers 4–5 63 % → 83 %; the 4 mm cohorts unchanged). fber, the
 * ratio of foreground to background energy, spans orders of magnitude (1.4–161 within one generated
 * site, noise scans at the low end), so its norm is taken on a log scale: on seven generated cohorts
 * (3 and 4 mm, 40 and 90 scans, four seeds) ρ rose on every one (by 0.01–0.07), with one clean scan
 * fewer in tiers 4–5 on two of them; on the cohort of QcGroupTiersOnCohortTest it fell (0.880 → 0.833).
 * snr_wm and snrd_total are ratios too (a signal over a noise σ: doubling the noise halves them), and
 * clean scans of one generated site span a factor of three in snr_wm (5.3–16), so their norms are also
 * taken on a log scale, where a noisy scan's deviation does not depend on how high its site's SNR sits.
 *
 * <p>Measured together with {@link #FBER_RESOLUTION} (then 0.15), {@link #SNR_RESOLUTION} and
 * {@link RuleTiering}'s concentration start, on fifteen generated cohorts (3 and 4 mm; 24, 40 and 90
 * scans; eleven seeds, six of them first used after the rules were chosen on the other nine;
 * bench/tiers-synth's pipeline): mean Spearman ρ with the true tier 0.832 → 0.854, higher on 11 of 15
 * and lower on three (QcGroupTiersOnCohortTest's 0.875 → 0.855, 0.792 → 0.775, 0.928 → 0.909); clean
 * scans in tiers 4–5 at least 94 % on every cohort (before: 89 % on one): two more on one cohort, one
 * and two fewer on two others. Without the snrd_total log scale the mean is 0.842, without the snr_wm
 * floor 0.849, without the fber floor 0.850, without the concentration start 0.846; without the snr_wm
 * log scale it is the same 0.854 (on the QC tables before the tissue model's changes of the same
 * session it raised one cohort from 0.794 to 0.852).
 *
 * @param name             MRIQC column name
 * @param worseWhenHigher  true when larger values mean worse quality
 * @param hint             likely cause of a bad value
 * @param artifactSensitive true when an artefact moves it in its bad direction only
 * @param resolution       smallest spread a norm may have for it (in the IQM's unit; of its logarithm
 *                         when logScale), 0 for none: a site's IQR below it is estimation noise, not
 *                         the IQM's precision
 * @param logScale         true when norms and z-scores are taken of its natural logarithm (values ≤ 0
 *                         count as missing), for a ratio whose deviations are multiplicative
 * @param siteFree         true when its level and spread depend little on the site's protocol (a
 *                         fraction of the signal, not a value on the scanner's intensity scale), so that
 *                         the whole table's typical scans can tell which of a site's scans are corrupted
 *                         (see {@link RuleTiering#siteNorms}); slice_dropout and the ghost ratios
 */
public record KeyIqm(String name, boolean worseWhenHigher, String hint, boolean artifactSensitive, double resolution,
        boolean logScale, boolean siteFree) {

    private static final String MOTION = "motion or ghosting";
    private static final String NOISE = "noise or poor tissue contrast";

    /**
     * slice_dropout's resolution, a fraction of signal: anatomy and noise give clean scans valleys of
     * 0.03–0.25 with an IQR of 0.053–0.066 over all sites of generated cohorts (3 and 4 mm), while the
     * IQR of a site's dozen typical scans can be 0.02, which put clean scans of old subjects (deeper
     * anatomical valleys) in tier 3.
     */
    static final double DROPOUT_RESOLUTION = 0.05;

    /**
     * inu_range's resolution: the IQR of clean scans' inu_range at generated sites with 13 or more clean
     * scans is 0.015–0.069 (median 0.032; 16 sites of 18 cohorts, N3's field), and in MRIQC's ABIDE table
     * (../shared/data/mriqc, N4's field), over the scans every rater accepted, 0.035–0.090 at the 11 sites
     * with 13 or more of them (median 0.059), while sites with only 4–6 clean scans gave IQRs as low as
     * 0.011, against which an old subject's clean scan fell in tier 2. Re-tiering the 18 cohorts with a
     * floor of 0.03 / 0.04 / 0.05 / 0.07: mean Spearman ρ 0.876 / 0.880 / 0.881 / 0.873, clean scans in
     * tiers 4–5 537 / 537 / 538 / 538 of 542. (Set at 0.05 with the tissue model's field, whose clean IQRs
     * were 0.028–0.139.)
     */
    static final double INU_RESOLUTION = 0.05;

    /**
     * fber's resolution on its log scale: at generated sites with 13 or more clean scans the IQR of clean
     * scans' log fber is 0.09–0.41 (median 0.26), at sites with 4–7 clean scans as low as 0.013, where a
     * clean scan with a slightly noisier background (median 10 against 8 on an int16 image, fber 295
     * against 450) fell to tier 1. 0.3 rather than the 0.15 first chosen: with the thick-slice masks'
     * bright corners out ({@code BrainMask.brightCorners}), on 18 generated tier cohorts (3 and 4 mm,
     * 40–90 scans) mean ρ with the true tier 0.878 → 0.882, up on eight cohorts (by up to 0.037), down
     * on three (by up to 0.015), clean scans in tiers 4–5 537 → 540 of 542; on six cohorts first
     * generated after that (seeds 31–36) 0.833 → 0.839, up on four, none down, clean 151 of 153 both.
     * 0.2 / 0.25 / 0.4 gave 0.880 / 0.879 / 0.887 and 0.834 / 0.839 / 0.840. 0.3 lies just above the
     * median IQR of the large sites (0.26), so it widens the norms of the tighter half of sites only;
     * 0.4, at the top of that range, would mute fber nearly everywhere.
     */
    static final double FBER_RESOLUTION = 0.3;

    /**
     * snr_wm's resolution on its log scale: the IQR of clean scans' log snr_wm is 0.05–0.67 at generated
     * sites with 13 or more clean scans (median 0.44) and as low as 0.02 with five, against which an
     * 82-year-old's clean scan (snr_wm 6.45, a 3×3×9 mm site) fell to tier 2.
     */
    static final double SNR_RESOLUTION = 0.15;

    /**
     * efc's resolution: the IQR of clean scans' efc at generated sites with 13 or more clean scans is
     * 0.016–0.036 (median 0.025; efc follows head size and atrophy), and in MRIQC's ABIDE table
     * (../shared/data/mriqc), over the scans every rater accepted, 0.0155–0.0386 at the 11 sites with 13
     * or more of them (median 0.026, lower quartile 0.017); at generated sites with 4–5 clean scans it
     * is as low as 0.003. A site's typical scans, trimmed of its high-efc clean ones, narrow below
     * that: first to an IQR near 0.009, against which five clean scans of young and middle-aged
     * subjects (efc 0.583–0.596, site median 0.56; 60 scans at 3 mm) fell to tiers 2–3 as "likely
     * motion" (a floor of 0.01 took that cohort's ρ from 0.820 to 0.911); then, at a defacing site of 20
     * scans whose typical set stayed at its better half (cohort 60 4 0.5 7), to 0.012, against which two
     * clean scans of subjects of 23 and 25 (efc 0.617 and 0.620, site median 0.566) fell to tier 2 as
     * "likely motion" (with 0.02 they and two more clean scans of that site, in tier 3 by fber, reach
     * tiers 4–5, as its typical set grows). With 0.02 instead of 0.01, over 17 generated cohorts of
     * bench/tiers-synth (3 and 4 mm, 40–90 scans, 30–60 % corrupted): clean scans in tiers 4–5 507 → 512
     * of 518 (none fewer on any cohort), mean Spearman ρ of the rule tiers 0.843 → 0.846 (up on four
     * cohorts, by up to 0.033; down on five, by at most 0.011); 0.018 and 0.025 gave the same counts. On
     * QcGroupTiersOnCohortTest's cohort ρ 0.899 → 0.890, 24 of 24 clean scans in tiers 4–5 either way.
     */
    static final double EFC_RESOLUTION = 0.02;

    /**
     * fwhm_avg's resolution (voxels): the IQR of clean scans' fwhm_avg is 0.067–0.171 at generated sites
     * with 13 or more clean scans (lower quartile 0.104, median 0.121) and 0.082–0.277 in MRIQC's ABIDE
     * table (scans every rater accepted, the 11 sites with 13 or more of them; lower quartile 0.126,
     * median 0.159), while a thick-slice site's 8 typical scans put a clean scan in tier 3 as "blurring"
     * (z 3.2, 3×3×9 mm). Over 18 generated cohorts (the 17 of {@link #EFC_RESOLUTION}'s note and
     * QcGroupTiersOnCohortTest's), this floor and {@link #SNRD_RESOLUTION}'s: clean scans in tiers 4–5 536
     * → 538 of 542, mean Spearman ρ 0.848 → 0.849 (up on three cohorts, by up to 0.012; down on one by
     * 0.001). A floor of 0.12 (the generated median) gained one more clean scan and ρ on six cohorts but
     * hid blurred scans on QcGroupTiersOnCohortTest's (ρ 0.890 → 0.858).
     */
    static final double FWHM_RESOLUTION = 0.1;

    /**
     * snrd_total's resolution on its log scale: the IQR of clean scans' log snrd_total is 0.067–0.256
     * at generated sites with 13 or more clean scans (median 0.163) and 0.082–0.398 in MRIQC's ABIDE table
     * (as above; lower quartile 0.114, median 0.142); a site's 13 typical scans put a clean scan of a
     * 35-year-old (snrd_total 16) in tier 2 as "noise" (z −4.2). See {@link #FWHM_RESOLUTION} for the
     * effect on the generated cohorts.
     */
    static final double SNRD_RESOLUTION = 0.1;

    /**
     * Resolution of gsr_x, gsr_y and gsr_z, fractions of the head's median signal: clean generated scans
     * read at most 0.008 with IQRs near 0.002, ghosting 0.05–0.3 on its axis and motion 0.02–0.13
     * (rising with severity), and a site's real clean scans, whose air holds eye-movement and pulsation
     * ghosts, are likely to spread wider (then their own IQR is the scale). With the three joining the
     * banded IQMs, re-tiering dumped QC tables of 18 generated tier cohorts (3 and 4 mm, 40–90 scans):
     * mean Spearman ρ with the true tier 0.882 → 0.893 (up on nine cohorts, by up to 0.090; down on
     * three, by at most 0.006), clean scans in tiers 4–5 540 → 542 of 542; on six held-out cohorts
     * (seeds 31–36) 0.885 → 0.891 (up on two, by 0.051 and 0.003; down on two, by 0.007 and 0.010),
     * clean 150 of 153 both. Mean tier error of motion scans 0.90 → 0.84 and 1.24 → 1.02, of ghosting scans
     * 0.95 → 0.91 and 1.05 → 1.08: the strongest ghosts join the head mask and read low or NaN (see
     * GhostToSignal), where efc, fber and slice_dropout already see them. 0.01 gave 0.904 and 0.892
     * with one clean scan fewer in tiers 4–5; 0.015 / 0.03 / 0.05 gave 0.897 / 0.884 / 0.886 and 0.888 /
     * 0.887 / 0.886. Whether the three count as site-free made no difference there; they are, as a
     * clean scan's ghost ratio is near 0 at any site.
     */
    static final double GSR_RESOLUTION = 0.02;

    /**
     * The key IQMs measured on the air around the head, or (efc) over the whole field of view with the
     * air in it ({@link #fromAir()}). A skull-stripped image has no air left: there they describe the
     * stripping, not the scan's quality, and a table's intact heads would set their norm. One clean
     * generated 1 mm scan per site template (eight sites, two of them stripping; the table's norm) put
     * both stripped scans in tier 1 as "likely motion or ghosting" (efc 0.88 and 0.85, z 6.7 and 6.1).
     */
    private static final Set<String> FROM_AIR = Stream.concat(Stream.of("efc", "qi_1", "fber", "snrd_total"),
            GhostToSignal.KEYS.stream()).collect(Collectors.toUnmodifiableSet());

    /** A key IQM without a resolution, on its own (linear) scale. */
    public KeyIqm(String name, boolean worseWhenHigher, String hint, boolean artifactSensitive) {
        this(name, worseWhenHigher, hint, artifactSensitive, 0, false, false);
    }

    /** The key IQMs, most specific first. */
    public static final List<KeyIqm> ALL = List.of(
            new KeyIqm("efc", true, MOTION, true, EFC_RESOLUTION, false, false),
            new KeyIqm("qi_1", true, MOTION, true),
            new KeyIqm("fber", false, "ghosting or noise in the background", true, FBER_RESOLUTION, true, false),
            new KeyIqm("cjv", true, NOISE, false),
            new KeyIqm("cnr", false, NOISE, false),
            new KeyIqm("snr_wm", false, "noise", true, SNR_RESOLUTION, true, false),
            new KeyIqm("snrd_total", false, "noise", true, SNRD_RESOLUTION, true, false),
            new KeyIqm("inu_range", true, "intensity non-uniformity (bias field)", true, INU_RESOLUTION, false, false),
            new KeyIqm("fwhm_avg", true, "blurring, ringing or motion", true, FWHM_RESOLUTION, false, false),
            new KeyIqm("slice_dropout", true, "signal dropout in a slab of slices", true, DROPOUT_RESOLUTION, false,
                    true),
            ghostRatio(0),
            ghostRatio(1),
            ghostRatio(2),
            new KeyIqm("qi_2", true, "artefacts in the background noise", false),
            new KeyIqm("tpm_overlap_gm", false, "atypical anatomy or segmentation failure", false));

    /** {@link GhostToSignal}'s ratio along voxel axis {@code axis} (0 = i, named x). */
    private static KeyIqm ghostRatio(int axis) {
        String axisNames = "xyz".charAt(axis) + " (" + "ijk".charAt(axis) + ")";
        return new KeyIqm(GhostToSignal.KEYS.get(axis), true, "ghosting or motion along " + axisNames, true,
                GSR_RESOLUTION, false, true);
    }

    /** The key IQMs the rule-based tiering bands, in the order of {@link #ALL}. */
    public static final List<KeyIqm> ARTIFACT_SENSITIVE = ALL.stream().filter(KeyIqm::artifactSensitive).toList();

    /**
     * True when it is measured on the air around the head: a skull-stripped scan has none, so
     * {@link RuleTiering} leaves it out there.
     */
    public boolean fromAir() {
        return FROM_AIR.contains(name);
    }

    /** Robust z-score signed so that positive means worse. */
    public double badness(double z) {
        return worseWhenHigher ? z : -z;
    }
}
