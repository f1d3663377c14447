package org.neurocurate.synth;

import java.util.List;

/**
 * One row of sourcedata/groundtruth.tsv: the truth about one scan.
 *
 * @param participantId e.g. "sub-001"
 * @param scan path of the image relative to the dataset root
 * @param contrast BIDS suffix
 * @param site site id
 * @param age years
 * @param sex "M" or "F"
 * @param artifacts planned artifacts and severities
 * @param defaced whether the image was defaced
 * @param skullStripped whether the image was skull-stripped
 * @param tissueMl partial-volume tissue volumes (ml), indexed by {@link Tissue#label()}
 * @param intracranialMl intracranial volume, ml
 */
public record GroundTruthRow(String participantId, String scan, String contrast, String site, double age, String sex,
        List<PlannedArtifact> artifacts, boolean defaced, boolean skullStripped, List<Double> tissueMl,
        double intracranialMl) {

    public GroundTruthRow {
        artifacts = List.copyOf(artifacts);
        tissueMl = List.copyOf(tissueMl);
    }

    /** True tier 1–5 ({@link QualityTier}). */
    public int tier() {
        return QualityTier.of(artifacts);
    }
}
