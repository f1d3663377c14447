package org.neurocurate.quality;

import java.util.Objects;

import org.neurocurate.quality.tissue.TissueConfig;

/**
 * Parameters of {@link QualityPipeline}; every face uses {@link #DEFAULTS} unless told otherwise.
 *
 * @param tissue            tissue segmentation and bias-field parameters
 * @param brainErosionMm    erosion that separates brain from scalp before keeping the brain core (mm)
 * @param brainCsfMarginMm  dilation that adds the CSF around the brain back to the brain mask (mm)
 */
public record QcConfig(TissueConfig tissue, double brainErosionMm, double brainCsfMarginMm) {

    public static final QcConfig DEFAULTS = new QcConfig(TissueConfig.DEFAULTS, 4.0, 8.0);

    public QcConfig {
        Objects.requireNonNull(tissue, "tissue");
        if (!(brainErosionMm > 0) || !(brainCsfMarginMm >= 0)) {
            throw new IllegalArgumentException("brain erosion must be positive and the CSF margin non-negative (mm)");
        }
    }
}
