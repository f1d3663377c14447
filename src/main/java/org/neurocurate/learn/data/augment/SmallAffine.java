package org.neurocurate.learn.data.augment;

import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;

/**
 * A small random affine about the grid centre: rotations uniform in ±maxDegrees about each axis
 * and an isotropic scale uniform in [1 − maxScale, 1 + maxScale]; trilinear, 0 outside (defaults
 * 10° and 0.1, TorchIO RandomAffine's range).
 */
public record SmallAffine(double maxDegrees, double maxScale) implements Augmentation {

    public SmallAffine {
        if (!(maxDegrees >= 0 && maxDegrees <= 45 && maxScale >= 0 && maxScale < 0.5)) {
            throw new IllegalArgumentException("need 0 <= maxDegrees <= 45 and 0 <= maxScale < 0.5");
        }
    }

    @Override
    public String key() {
        return "affine";
    }

    /** Rotation angles (radians) about x, y, z and the scale factor. */
    public record Params(double ax, double ay, double az, double scale) implements Transform {
        @Override
        public FloatGrid apply(FloatGrid in) {
            double[][] m = inverseMatrix();
            double cx = (in.nx() - 1) / 2.0;
            double cy = (in.ny() - 1) / 2.0;
            double cz = (in.nz() - 1) / 2.0;
            FloatGrid out = in.blank();
            float[] o = out.data();
            for (int z = 0; z < in.nz(); z++) {
                for (int y = 0; y < in.ny(); y++) {
                    double dy = y - cy;
                    double dz = z - cz;
                    double bx = m[0][1] * dy + m[0][2] * dz + cx;
                    double by = m[1][1] * dy + m[1][2] * dz + cy;
                    double bz = m[2][1] * dy + m[2][2] * dz + cz;
                    int row = in.index(0, y, z);
                    for (int x = 0; x < in.nx(); x++) {
                        double dx = x - cx;
                        o[row + x] = in.trilinear(bx + m[0][0] * dx, by + m[1][0] * dx, bz + m[2][0] * dx);
                    }
                }
            }
            return out;
        }

        /** Output → input mapping: (R S)⁻¹ = S⁻¹ Rᵀ with R = Rz Ry Rx. */
        private double[][] inverseMatrix() {
            double[][] r = mul(rot(2, az), mul(rot(1, ay), rot(0, ax)));
            double[][] inv = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    inv[i][j] = r[j][i] / scale;
                }
            }
            return inv;
        }

        private static double[][] rot(int axis, double a) {
            double c = Math.cos(a);
            double s = Math.sin(a);
            int i = (axis + 1) % 3;
            int j = (axis + 2) % 3;
            double[][] m = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            m[i][i] = c;
            m[i][j] = -s;
            m[j][i] = s;
            m[j][j] = c;
            return m;
        }

        private static double[][] mul(double[][] a, double[][] b) {
            double[][] c = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        c[i][j] += a[i][k] * b[k][j];
                    }
                }
            }
            return c;
        }
    }

    @Override
    public Transform sample(Random random, FloatGrid in) {
        double max = Math.toRadians(maxDegrees);
        return new Params(max * (2 * random.nextDouble() - 1), max * (2 * random.nextDouble() - 1),
                max * (2 * random.nextDouble() - 1), 1 + maxScale * (2 * random.nextDouble() - 1));
    }
}
