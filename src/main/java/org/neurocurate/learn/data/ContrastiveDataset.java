package org.neurocurate.learn.data;

import java.io.IOException;

/**
 * Scans on the training grid, with what the losses may use: y (age in years, NaN if unknown) and a
 * per-scan weight (from quality, 1 by default). Implementations must be safe to read from several
 * threads.
 */
public interface ContrastiveDataset {

    int size();

    /** Grid (x, y, z) every {@link #grid(int)} has. */
    int[] shape();

    /** The normalised scan i on the training grid. */
    FloatGrid grid(int i) throws IOException;

    /** The continuous variable of scan i (years), NaN if unknown. */
    double y(int i);

    /** The weight of scan i in the loss (≥ 0). */
    double weight(int i);

    /** A stable identifier of scan i (its source path), for embeddings tables and provenance. */
    String id(int i);

    /** The quality tier of scan i (1..5), 0 when unknown. */
    default int tier(int i) {
        return 0;
    }

    /** Grid spacing (mm) along x, y, z, for model.json. */
    default double[] spacingMm() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    /** How intensities were normalised, for model.json. */
    default String normalisation() {
        return "none";
    }

    /** Preprocessing parameters to record in model.json (keys are snake_case), e.g. percentiles. */
    default java.util.Map<String, String> preprocessing() {
        return java.util.Map.of();
    }
}
