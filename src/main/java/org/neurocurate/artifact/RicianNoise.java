package org.neurocurate.artifact;

import java.util.SplittableRandom;

/**
 * Rician noise, the noise of magnitude MR images: |x + σ(n₁ + i·n₂)| with n₁, n₂ ~ N(0, 1) i.i.d.,
 * σ = {@code sigmaFraction} · {@link IntensityReference}. Where x = 0 the result is Rayleigh
 * distributed with mean σ·√(π/2) and standard deviation σ·√(2 − π/2) ≈ 0.655σ
 * (Gudbjartsson &amp; Patz, MRM 1995).
 */
public final class RicianNoise extends NoiseArtifact {

    @Override
    public String key() {
        return "noise_rician";
    }

    @Override
    public String description() {
        return "adds complex Gaussian noise and takes the magnitude (Rician)";
    }

    /** In place: x ← |x + σ(n₁ + i·n₂)|, with σ in intensity units (σ of each complex channel). */
    @Override
    void addNoise(float[] image, double sigma, SplittableRandom r) {
        for (int v = 0; v < image.length; v++) {
            double re = image[v] + sigma * r.nextGaussian();
            double im = sigma * r.nextGaussian();
            image[v] = (float) Math.sqrt(re * re + im * im);
        }
    }
}
