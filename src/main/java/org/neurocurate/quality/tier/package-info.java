/**
 * Quality tiers 1 (unusable) to 5 (excellent) per scan from its IQMs, with a reason.
 *
 * <p>Pipeline ({@link org.neurocurate.quality.tier.Tiers} is the entry point for every face):
 * IQM table ({@link org.neurocurate.quality.tier.IqmTableReader}) → site-wise robust z-scores of the
 * IQMs that do not merely identify the site ({@link org.neurocurate.quality.tier.FeatureSpec},
 * {@link org.neurocurate.quality.tier.SiteScaling}) plus global z-scores of the unit-free ones → a
 * balanced random forest averaged with Newton-boosted trees (own implementations, seeded,
 * thread-count independent) → isotonic calibration fitted on leave-one-site-out scores → p_usable →
 * tier by fixed cut points on the calibrated scale ({@link org.neurocurate.quality.tier.TierScale}) →
 * reason naming the key IQMs, their values and the norm they were compared to
 * ({@link org.neurocurate.quality.tier.TierReasons}). Without a usable model the tiers come from
 * robust z-scores alone ({@link org.neurocurate.quality.tier.RuleTiering}).
 *
 * <p>IQMs from NeuroCurate's own QC pipeline are tiered by those robust z-scores of the artefact-sensitive
 * IQMs against the norm of the site's typical scans, the classifier's p_usable reported beside it
 * ({@link org.neurocurate.quality.tier.Tiers#predictOwnIqms}): the classifier learned MRIQC's IQMs of
 * ABIDE and does not transfer to another pipeline's IQMs (generated cohorts, bench/tiers-synth).
 *
 * <p>How the defaults were chosen (leave-one-site-out on ABIDE, rater_3, mean per-site AUC over the
 * 15 sites with both classes; all variants run with seed 42 except the last line): MRIQC-style forest
 * 0.872; + summary_*_n dropped 0.867; + raw summary intensity statistics dropped 0.880; + global
 * z-scores of unit-free IQMs 0.886; the same with min leaf 5 0.894, min leaf 20 0.886, mtry 3 0.893,
 * depth 6 0.881; boosted trees alone (200×depth 3 / 300×depth 2 / 500×depth 1) 0.889 / 0.891 / 0.884;
 * forest (min leaf 5) + boosting 300×depth 2 averaged 0.895 (chosen); with the shipped seed 0.891.
 * The choice among these variants used the LOSO mean itself, so that figure is slightly optimistic;
 * nothing was chosen by any single site's result. The honest figure with selection included, a nested
 * LOSO choosing per held-out site among MRIQC-style / forest min leaf 5 / forest min leaf 10 / the
 * default ({@link org.neurocurate.quality.tier.NestedLeaveOneSiteOut}, bench/tiers-loso-nested), is
 * 0.879 (SD 0.094), against 0.857 for the MRIQC-style forest with the same seed.
 */
package org.neurocurate.quality.tier;
