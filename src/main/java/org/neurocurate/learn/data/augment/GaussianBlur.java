package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * Isotropic Gaussian blur with σ uniform in [minSigma, maxSigma] voxels (y-Aware: σ ∈ [0.1, 1]),
 * separable, kernel radius ⌈3σ⌉, borders clamped.
 */
public record GaussianBlur(double minSigma, double maxSigma) implements Augmentation {

    public GaussianBlur {
        if (!(minSigma > 0 && maxSigma >= minSigma)) {
            throw new IllegalArgumentException("need 0 < minSigma <= maxSigma, got " + minSigma + ", " + maxSigma);
        }
    }

    @Override
    public String key() {
        return "blur";
    }

    /** σ in voxels. */
    public record Params(double sigma) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            float[] k = kernel(sigma);
            float[] a = in.data().clone();
            float[] b = new float[a.length];
            pass(a, b, in, k, 1, in.nx());
            pass(b, a, in, k, in.nx(), in.ny());
            pass(a, b, in, k, in.nx() * in.ny(), in.nz());
            return new FloatGrid(b, in.nx(), in.ny(), in.nz());
        }

        private static float[] kernel(double sigma) {
            int r = (int) Math.ceil(3 * sigma);
            float[] k = new float[2 * r + 1];
            double sum = 0;
            for (int i = -r; i <= r; i++) {
                double v = Math.exp(-i * i / (2 * sigma * sigma));
                k[i + r] = (float) v;
                sum += v;
            }
            for (int i = 0; i < k.length; i++) {
                k[i] /= (float) sum;
            }
            return k;
        }

        /** One 1D convolution along the axis with element stride {@code stride} and length {@code n}. */
        private static void pass(float[] src, float[] dst, FloatGrid g, float[] k, int stride, int n) {
            int r = k.length / 2;
            int block = stride * n;
            for (int b = 0; b < src.length; b += block) {
                for (int o = 0; o < stride; o++) {
                    int base = b + o;
                    for (int pos = 0; pos < n; pos++) {
                        double acc = 0;
                        for (int t = -r; t <= r; t++) {
                            int p = Math.min(Math.max(pos + t, 0), n - 1);
                            acc += k[t + r] * src[base + p * stride];
                        }
                        dst[base + pos * stride] = (float) acc;
                    }
                }
            }
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        return new Params(minSigma + (maxSigma - minSigma) * random.nextDouble());
    }
}
