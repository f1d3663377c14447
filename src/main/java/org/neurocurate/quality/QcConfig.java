package org.neurocurate.quality;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.neurocurate.quality.tissue.TissueConfig;

/**
 * Parameters of {@link QualityPipeline}; every face uses {@link #DEFAULTS} for the scan's contrast
 * ({@link #forModality}) unless told otherwise.
 *
 * @param tissue            tissue segmentation and bias-field parameters
 * @param brainErosionMm    erosion that separates brain from scalp before keeping the brain core (mm; at least
 *                          one voxel of the working grid is eroded whatever this says)
 * @param brainCsfMarginMm  how far the brain core may grow through dark tissue (CSF, bone) towards the scalp, along face-connected paths (mm)
 * @param workingMm         voxel size (mm) of the working grid for masks and tissue model: the scan is
 *                          block-averaged by ⌊workingMm / finest spacing⌋ (at least 1)
 */
public record QcConfig(TissueConfig tissue, double brainErosionMm, double brainCsfMarginMm, double workingMm) {

    public static final QcConfig DEFAULTS = new QcConfig(TissueConfig.DEFAULTS, 4.0, 40.0, 2.0);

    /** BIDS suffixes of the contrasts quality control understands: CSF darkest (T1w) or brightest (T2w, PDw). */
    public static final List<String> MODALITIES = List.of("T1w", "T2w", "PDw");

    public QcConfig {
        Objects.requireNonNull(tissue, "tissue");
        if (!(brainErosionMm > 0) || !(brainCsfMarginMm >= 0) || !(workingMm > 0)) {
            throw new IllegalArgumentException("brain erosion and working voxel size must be positive, the CSF margin non-negative (mm)");
        }
    }

    /**
     * These parameters for a scan of the given BIDS suffix: T1w keeps CSF as the darkest tissue, T2w and
     * PDw have it brightest (brain mask and tissue labels follow).
     *
     * @throws IllegalArgumentException for any other suffix (e.g. FLAIR, whose grey matter is brighter
     *                                  than its white matter, which the tissue model would mislabel)
     */
    public QcConfig forModality(String modality) {
        String m = modality.trim().toLowerCase(Locale.ROOT);
        if (!MODALITIES.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(m))) {
            throw new IllegalArgumentException("quality control supports " + String.join(", ", MODALITIES)
                    + " images, not " + modality);
        }
        return new QcConfig(tissue.withBrightCsf(!m.equals("t1w")), brainErosionMm, brainCsfMarginMm, workingMm);
    }
}
