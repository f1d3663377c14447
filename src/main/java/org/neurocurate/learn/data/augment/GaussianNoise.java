package org.neurocurate.learn.data.augment;

import java.util.Random;
import java.util.SplittableRandom;

import org.neurocurate.learn.data.FloatGrid;

/**
 * Additive Gaussian noise, standard deviation uniform in [0, maxStd] (intensity units after
 * normalisation, where the head's robust range is [0, 1]; default 0.1 as nnU-Net's 0.1 variance
 * bound).
 */
public record GaussianNoise(double maxStd) implements Augmentation {

    public GaussianNoise {
        if (!(maxStd >= 0)) {
            throw new IllegalArgumentException("maxStd must be >= 0, got " + maxStd);
        }
    }

    @Override
    public String key() {
        return "noise";
    }

    /** Standard deviation and the seed of the noise field. */
    public record Params(double std, long seed) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] o = in.data().clone();
            for (int i = 0; i < o.length; i += 2) {
                // Box–Muller gives two independent normals per pair of uniforms
                double u1 = 1 - r.nextDouble();
                double u2 = r.nextDouble();
                double rad = std * Math.sqrt(-2 * Math.log(u1));
                o[i] += (float) (rad * Math.cos(2 * Math.PI * u2));
                if (i + 1 < o.length) {
                    o[i + 1] += (float) (rad * Math.sin(2 * Math.PI * u2));
                }
            }
            return new FloatGrid(o, in.nx(), in.ny(), in.nz());
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        return new Params(maxStd * random.nextDouble(), random.nextLong());
    }
}
