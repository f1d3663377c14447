package org.neurocurate.quality.tissue;

/**
 * What {@link TissueSegmentation#fit} learns on a (coarse) working grid and
 * {@link TissueSegmentation#apply} uses on the scan's own grid: the intensity mixture of the
 * bias-corrected brain, the smooth bias field, and the smallest voxel side of the grid they were fitted
 * on (which tells {@link TissueSegmentation#apply} whether it works on a finer grid).
 */
public final class TissueModel {

    final PartialVolumeMixture mixture;
    final BiasField bias;
    final double fitFinestMm;

    TissueModel(PartialVolumeMixture mixture, BiasField bias, double fitFinestMm) {
        this.mixture = mixture;
        this.bias = bias;
        this.fitFinestMm = fitFinestMm;
    }
}
