package org.neurocurate.quality.tissue;

/**
 * What {@link TissueSegmentation#fit} learns on a (coarse) working grid and
 * {@link TissueSegmentation#apply} uses on the scan's own grid: the intensity mixture of the
 * bias-corrected brain and the smooth bias field.
 */
public final class TissueModel {

    final PartialVolumeMixture mixture;
    final BiasField bias;

    TissueModel(PartialVolumeMixture mixture, BiasField bias) {
        this.mixture = mixture;
        this.bias = bias;
    }
}
