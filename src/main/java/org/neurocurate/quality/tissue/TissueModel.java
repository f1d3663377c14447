package org.neurocurate.quality.tissue;

/**
 * What {@link TissueSegmentation#fit} learns on a (coarse) working grid and
 * {@link TissueSegmentation#apply} uses on the scan's own grid: the intensity mixture, the two bias
 * fields and the smallest voxel side of the grid they were fitted on (which tells
 * {@link TissueSegmentation#apply} whether it works on a finer grid). {@code bias} is the scan's
 * intensity non-uniformity ({@link N3Field}, from the image alone): what the IQMs see. {@code tissueBias}
 * is the field the mixture was fitted under (the tissue model's own, as FSL FAST keeps its own after
 * MRIQC's N4), on the raw values or, when {@code afterScanBias}, on the values {@code bias} corrected:
 * what the labels and partial-volume maps come from.
 */
public final class TissueModel {

    final PartialVolumeMixture mixture;
    final BiasField bias;
    final BiasField tissueBias;
    final boolean afterScanBias;
    final double fitFinestMm;

    TissueModel(PartialVolumeMixture mixture, BiasField bias, BiasField tissueBias, boolean afterScanBias, double fitFinestMm) {
        this.mixture = mixture;
        this.bias = bias;
        this.tissueBias = tissueBias;
        this.afterScanBias = afterScanBias;
        this.fitFinestMm = fitFinestMm;
    }
}
