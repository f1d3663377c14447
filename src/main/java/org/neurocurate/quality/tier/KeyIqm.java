package org.neurocurate.quality.tier;

import java.util.List;

/**
 * The IQMs that tier reasons and the rule-based tiering look at, each with its bad direction and the
 * artefact a bad value usually points to (Esteban et al. 2017; MRIQC documentation, "IQMs for
 * structural images").
 *
 * @param name           MRIQC column name
 * @param worseWhenHigher true when larger values mean worse quality
 * @param hint           likely cause of a bad value
 */
public record KeyIqm(String name, boolean worseWhenHigher, String hint) {

    private static final String MOTION = "motion or ghosting";
    private static final String NOISE = "noise or poor tissue contrast";

    /** The key IQMs, most specific first. */
    public static final List<KeyIqm> ALL = List.of(
            new KeyIqm("efc", true, MOTION),
            new KeyIqm("qi_1", true, MOTION),
            new KeyIqm("fber", false, "ghosting or noise in the background"),
            new KeyIqm("cjv", true, NOISE),
            new KeyIqm("cnr", false, NOISE),
            new KeyIqm("snr_total", false, "noise"),
            new KeyIqm("snrd_total", false, "noise"),
            new KeyIqm("inu_range", true, "intensity non-uniformity (bias field)"),
            new KeyIqm("fwhm_avg", true, "blurring or motion"),
            new KeyIqm("qi_2", true, "artefacts in the background noise"),
            new KeyIqm("tpm_overlap_gm", false, "atypical anatomy or segmentation failure"));

    /** Robust z-score signed so that positive means worse. */
    public double badness(double z) {
        return worseWhenHigher ? z : -z;
    }
}
