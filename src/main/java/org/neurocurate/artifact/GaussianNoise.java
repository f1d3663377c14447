package org.neurocurate.artifact;

import java.util.Random;
import java.util.SplittableRandom;

import org.neurocurate.volume.Volume;

/**
 * Additive white Gaussian noise: x + σ·n, n ~ N(0, 1) i.i.d., σ = {@code sigmaFraction} ·
 * {@link IntensityReference}. In an empty background the standard deviation becomes σ.
 */
public final class GaussianNoise implements Artifact<GaussianNoise.Params> {

    /** σ relative to the robust maximum at severity 1. */
    static final double MAX_SIGMA_FRACTION = 0.15;

    /**
     * @param severity in [0, 1]
     * @param sigmaFraction σ as a fraction of the volume's 99th-percentile intensity
     * @param seed seed of the noise realisation ({@link SplittableRandom}, whose Gaussians use a fast ziggurat)
     */
    public record Params(double severity, double sigmaFraction, long seed) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (!(sigmaFraction >= 0)) {
                throw new IllegalArgumentException("noise sigma must be >= 0, got " + sigmaFraction);
            }
        }
    }

    @Override
    public String key() {
        return "noise_gaussian";
    }

    @Override
    public String description() {
        return "adds white Gaussian noise";
    }

    /** σ = 0.15 · severity of the robust maximum. */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), MAX_SIGMA_FRACTION * severity, random.nextLong());
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.sigmaFraction() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        double sigma = sigma(image, p);
        SplittableRandom r = new SplittableRandom(p.seed());
        for (int v = 0; v < image.length; v++) {
            image[v] += (float) (sigma * r.nextGaussian());
        }
        return VolumeGrid.withValues(volume, image);
    }

    /** The absolute σ (intensity units) these parameters give on these values. */
    public static double sigma(float[] image, Params p) {
        return p.sigmaFraction() * IntensityReference.of(image);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
