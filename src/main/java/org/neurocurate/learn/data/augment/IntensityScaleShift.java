package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * v ↦ a·v + b with a uniform in [1 − maxScale, 1 + maxScale] and b uniform in [−maxShift, maxShift]
 * (nnU-Net-style brightness/contrast; defaults 0.1 and 0.1 in normalised units).
 */
public record IntensityScaleShift(double maxScale, double maxShift) implements Augmentation {

    public IntensityScaleShift {
        if (!(maxScale >= 0 && maxScale < 1 && maxShift >= 0)) {
            throw new IllegalArgumentException("need 0 <= maxScale < 1 and maxShift >= 0");
        }
    }

    @Override
    public String key() {
        return "intensity";
    }

    /** Factor a and offset b. */
    public record Params(double scale, double shift) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            float[] o = in.data().clone();
            float a = (float) scale;
            float b = (float) shift;
            for (int i = 0; i < o.length; i++) {
                o[i] = o[i] * a + b;
            }
            return new FloatGrid(o, in.nx(), in.ny(), in.nz());
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        return new Params(1 + maxScale * (2 * random.nextDouble() - 1), maxShift * (2 * random.nextDouble() - 1));
    }
}
