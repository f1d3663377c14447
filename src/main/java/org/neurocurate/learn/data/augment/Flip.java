package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * Random flips: each axis i with probability {@code probability[i]} (default 0.5 along x, the
 * left-right axis on the RAS grid, and 0 along y and z, which would make anatomy implausible).
 */
public record Flip(double px, double py, double pz) implements Augmentation {

    @Override
    public String key() {
        return "flip";
    }

    /** Which axes are flipped. */
    public record Params(boolean x, boolean y, boolean z) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            float[] s = in.data();
            float[] o = new float[s.length];
            int nx = in.nx();
            for (int zz = 0; zz < in.nz(); zz++) {
                int sz = z ? in.nz() - 1 - zz : zz;
                for (int yy = 0; yy < in.ny(); yy++) {
                    int sy = y ? in.ny() - 1 - yy : yy;
                    int src = in.index(0, sy, sz);
                    int dst = in.index(0, yy, zz);
                    if (x) {
                        for (int xx = 0; xx < nx; xx++) {
                            o[dst + xx] = s[src + nx - 1 - xx];
                        }
                    } else {
                        System.arraycopy(s, src, o, dst, nx);
                    }
                }
            }
            return new FloatGrid(o, in.nx(), in.ny(), in.nz());
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        return new Params(random.nextDouble() < px, random.nextDouble() < py, random.nextDouble() < pz);
    }
}
