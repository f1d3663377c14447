package org.neurocurate.artifact;

import java.util.SplittableRandom;

/**
 * Additive white Gaussian noise: x + σ·n, n ~ N(0, 1) i.i.d., σ = {@code sigmaFraction} ·
 * {@link IntensityReference}. In an empty background the standard deviation becomes σ.
 */
public final class GaussianNoise extends NoiseArtifact {

    @Override
    public String key() {
        return "noise_gaussian";
    }

    @Override
    public String description() {
        return "adds white Gaussian noise";
    }

    @Override
    void addNoise(float[] image, double sigma, SplittableRandom r) {
        for (int v = 0; v < image.length; v++) {
            image[v] += (float) (sigma * r.nextGaussian());
        }
    }
}
