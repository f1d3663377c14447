package org.neurocurate.quality;

import java.util.Objects;

import org.neurocurate.quality.tissue.TissueConfig;

/**
 * Parameters of {@link QualityPipeline}; every face uses {@link #DEFAULTS} unless told otherwise.
 *
 * @param tissue            tissue segmentation and bias-field parameters
 * @param brainErosionMm    erosion that separates brain from scalp before keeping the brain core (mm)
 * @param brainCsfMarginMm  how far the brain core may grow through dark tissue (CSF, bone) towards the scalp, along face-connected paths (mm)
 * @param workingMm         voxel size (mm) of the working grid for masks and tissue model: the scan is
 *                          block-averaged by ⌊workingMm / finest spacing⌋ (at least 1)
 */
public record QcConfig(TissueConfig tissue, double brainErosionMm, double brainCsfMarginMm, double workingMm) {

    public static final QcConfig DEFAULTS = new QcConfig(TissueConfig.DEFAULTS, 4.0, 40.0, 2.0);

    public QcConfig {
        Objects.requireNonNull(tissue, "tissue");
        if (!(brainErosionMm > 0) || !(brainCsfMarginMm >= 0) || !(workingMm > 0)) {
            throw new IllegalArgumentException("brain erosion and working voxel size must be positive, the CSF margin non-negative (mm)");
        }
    }
}
