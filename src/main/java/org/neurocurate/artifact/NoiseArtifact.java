package org.neurocurate.artifact;

import java.util.Random;
import java.util.SplittableRandom;

import org.neurocurate.volume.Volume;

/**
 * What the noise artifacts share: σ grows linearly with severity up to {@link #MAX_SIGMA_FRACTION} of
 * the robust maximum, and one seeded realisation is added to a float copy of the volume.
 */
abstract class NoiseArtifact implements Artifact<NoiseParams> {

    /** σ relative to the robust maximum at severity 1. */
    static final double MAX_SIGMA_FRACTION = 0.15;

    /** σ = 0.15 · severity of the robust maximum. */
    @Override
    public NoiseParams sample(double severity, Random random) {
        return new NoiseParams(Artifact.checkSeverity(severity), MAX_SIGMA_FRACTION * severity, random.nextLong());
    }

    @Override
    public Volume apply(Volume volume, NoiseParams p) {
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.sigmaFraction() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        addNoise(image, p.sigma(image), new SplittableRandom(p.seed()));
        return VolumeGrid.withValues(volume, image);
    }

    /** Adds noise of scale {@code sigma} (intensity units) in place. */
    abstract void addNoise(float[] image, double sigma, SplittableRandom random);

    @Override
    public Class<NoiseParams> paramsType() {
        return NoiseParams.class;
    }
}
