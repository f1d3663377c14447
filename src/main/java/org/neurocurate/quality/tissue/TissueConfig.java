package org.neurocurate.quality.tissue;

/**
 * Parameters of {@link TissueSegmentation}, defaults in {@link #DEFAULTS}.
 *
 * @param emIterations       EM iterations of the intensity mixture per outer round (≥ 1)
 * @param biasRounds         outer rounds of the tissue model's own bias estimation and re-segmentation (0: the
 *                           mixture is fitted on uncorrected values; the scan's reported field is {@link N3Field}'s either way)
 * @param biasBlockMm        size of the coarse blocks the log-residual is averaged in (mm)
 * @param biasSmoothingBlocks Gaussian σ of the block-grid smoothing, in blocks (larger = smoother field)
 * @param brightCsf          true for T2w-like contrast (CSF brightest); false for T1w (CSF darkest)
 */
public record TissueConfig(int emIterations, int biasRounds, double biasBlockMm, double biasSmoothingBlocks,
        boolean brightCsf) {

    public static final TissueConfig DEFAULTS = new TissueConfig(15, 3, 12, 1.5, false);

    public TissueConfig {
        if (emIterations < 1 || biasRounds < 0) {
            throw new IllegalArgumentException("iterations must be positive (EM) or non-negative (bias)");
        }
        if (!(biasBlockMm > 0) || !(biasSmoothingBlocks > 0)) {
            throw new IllegalArgumentException("bias block and smoothing must be positive");
        }
    }

    /** The same parameters for T2w-like ({@code true}) or T1w-like contrast. */
    public TissueConfig withBrightCsf(boolean bright) {
        return new TissueConfig(emIterations, biasRounds, biasBlockMm, biasSmoothingBlocks, bright);
    }
}
