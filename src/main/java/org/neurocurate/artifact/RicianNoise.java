package org.neurocurate.artifact;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.neurocurate.volume.Volume;

/**
 * Rician noise, the noise of magnitude MR images: |x + σ(n₁ + i·n₂)| with n₁, n₂ ~ N(0, 1) i.i.d.,
 * σ = {@code sigmaFraction} · {@link IntensityReference}. Where x = 0 the result is Rayleigh
 * distributed with mean σ·√(π/2) and standard deviation σ·√(2 − π/2) ≈ 0.655σ
 * (Gudbjartsson &amp; Patz, MRM 1995).
 */
public final class RicianNoise implements Artifact<RicianNoise.Params> {

    /** σ relative to the robust maximum at severity 1. */
    static final double MAX_SIGMA_FRACTION = 0.15;

    /**
     * @param severity in [0, 1]
     * @param sigmaFraction σ of each complex channel as a fraction of the 99th-percentile intensity
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
        return "noise_rician";
    }

    @Override
    public String description() {
        return "adds complex Gaussian noise and takes the magnitude (Rician)";
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
        addRician(image, p.sigmaFraction() * IntensityReference.of(image), new SplittableRandom(p.seed()));
        return VolumeGrid.withValues(volume, image);
    }

    /** In place: x ← |x + σ(n₁ + i·n₂)|, with σ in intensity units. */
    public static void addRician(float[] image, double sigma, RandomGenerator r) {
        for (int v = 0; v < image.length; v++) {
            double re = image[v] + sigma * r.nextGaussian();
            double im = sigma * r.nextGaussian();
            image[v] = (float) Math.sqrt(re * re + im * im);
        }
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
