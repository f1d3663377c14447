package org.neurocurate.artifact;

/**
 * Parameters of the noise artifacts.
 *
 * @param severity      in [0, 1]
 * @param sigmaFraction σ as a fraction of the volume's 99th-percentile intensity ({@link IntensityReference})
 * @param seed          seed of the noise realisation ({@link java.util.SplittableRandom}, whose Gaussians use a
 *                      fast ziggurat)
 */
public record NoiseParams(double severity, double sigmaFraction, long seed) implements ArtifactParams {

    public NoiseParams {
        Artifact.checkSeverity(severity);
        if (!(sigmaFraction >= 0)) {
            throw new IllegalArgumentException("noise sigma must be >= 0, got " + sigmaFraction);
        }
    }

    /** The absolute σ (intensity units) these parameters give on these values. */
    public double sigma(float[] image) {
        return sigmaFraction * IntensityReference.of(image);
    }
}
