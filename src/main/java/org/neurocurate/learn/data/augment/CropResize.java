package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * Random crop and resize back to the grid (SimCLR's main augmentation, y-Aware's "crop"): a box of
 * a fraction in [minScale, 1] of each axis at a uniform position, resampled trilinearly.
 *
 * @param minScale smallest box side as a fraction of the grid side, in (0, 1]; default 0.8
 */
public record CropResize(double minScale) implements Augmentation {

    public CropResize {
        if (!(minScale > 0 && minScale <= 1)) {
            throw new IllegalArgumentException("minScale must be in (0, 1], got " + minScale);
        }
    }

    @Override
    public String key() {
        return "crop_resize";
    }

    /** Box origin and size in voxels (continuous). */
    public record Params(double x0, double y0, double z0, double sx, double sy, double sz) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            FloatGrid out = in.blank();
            float[] o = out.data();
            double fx = sx / in.nx();
            double fy = sy / in.ny();
            double fz = sz / in.nz();
            for (int z = 0; z < in.nz(); z++) {
                double pz = z0 + (z + 0.5) * fz - 0.5;
                for (int y = 0; y < in.ny(); y++) {
                    double py = y0 + (y + 0.5) * fy - 0.5;
                    int row = in.index(0, y, z);
                    for (int x = 0; x < in.nx(); x++) {
                        o[row + x] = in.trilinear(x0 + (x + 0.5) * fx - 0.5, py, pz);
                    }
                }
            }
            return out;
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        double sx = in.nx() * (minScale + (1 - minScale) * random.nextDouble());
        double sy = in.ny() * (minScale + (1 - minScale) * random.nextDouble());
        double sz = in.nz() * (minScale + (1 - minScale) * random.nextDouble());
        return new Params(random.nextDouble() * (in.nx() - sx), random.nextDouble() * (in.ny() - sy),
                random.nextDouble() * (in.nz() - sz), sx, sy, sz);
    }
}
