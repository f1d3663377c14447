package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * Cutout (DeVries &amp; Taylor 2017; y-Aware's cutout): one box of side up to {@code maxFraction} of
 * each axis set to 0 (the background value after normalisation).
 *
 * @param maxFraction largest box side as a fraction of the grid side, in (0, 1]; default 0.25
 */
public record Cutout(double maxFraction) implements Augmentation {

    public Cutout {
        if (!(maxFraction > 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("maxFraction must be in (0, 1], got " + maxFraction);
        }
    }

    @Override
    public String key() {
        return "cutout";
    }

    /** Box origin and size in voxels. */
    public record Params(int x0, int y0, int z0, int sx, int sy, int sz) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            float[] o = in.data().clone();
            for (int z = z0; z < z0 + sz; z++) {
                for (int y = y0; y < y0 + sy; y++) {
                    int row = in.index(x0, y, z);
                    java.util.Arrays.fill(o, row, row + sx, 0f);
                }
            }
            return new FloatGrid(o, in.nx(), in.ny(), in.nz());
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        int sx = 1 + random.nextInt(Math.max(1, (int) (in.nx() * maxFraction)));
        int sy = 1 + random.nextInt(Math.max(1, (int) (in.ny() * maxFraction)));
        int sz = 1 + random.nextInt(Math.max(1, (int) (in.nz() * maxFraction)));
        return new Params(random.nextInt(in.nx() - sx + 1), random.nextInt(in.ny() - sy + 1),
                random.nextInt(in.nz() - sz + 1), sx, sy, sz);
    }
}
