package org.neurocurate.artifact;

import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/** Small test volumes with known content: zero background, a bright ellipsoidal "head". */
final class Phantom {

    static final double SPACING = 2;

    private Phantom() {
    }

    /**
     * An n³ volume at 2 mm, centred on the world origin: an ellipsoid of semi-axes (ra, rb, rc) voxels
     * at intensity 100 with an inner ellipsoid (half the size) at 200; 0 outside.
     */
    static Volume head(int n, double ra, double rb, double rc) {
        float[] v = new float[n * n * n];
        double c = (n - 1) / 2.0;
        int t = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double r = Math.sqrt(sq((i - c) / ra) + sq((j - c) / rb) + sq((k - c) / rc));
                    v[t++] = r <= 0.5 ? 200 : r <= 1 ? 100 : 0;
                }
            }
        }
        return Volume.ofFloats(v, new long[] {n, n, n}, centred(n));
    }

    /** A single voxel of value 1 at the centre of an n³ zero volume. */
    static Volume delta(int n) {
        float[] v = new float[n * n * n];
        int c = n / 2;
        v[c + n * (c + n * c)] = 1;
        return Volume.ofFloats(v, new long[] {n, n, n}, centred(n));
    }

    /** 2 mm voxels with world origin at the volume centre, RAS axes. */
    static Affine centred(int n) {
        double o = -SPACING * (n - 1) / 2.0;
        return Affine.fromRows(new double[][] {{SPACING, 0, 0, o}, {0, SPACING, 0, o}, {0, 0, SPACING, o}});
    }

    static double sq(double x) {
        return x * x;
    }

    /** Mean and standard deviation of the values where {@code mask} is true. */
    static double[] meanSd(float[] values, boolean[] mask) {
        double s = 0;
        double ss = 0;
        long n = 0;
        for (int v = 0; v < values.length; v++) {
            if (mask[v]) {
                s += values[v];
                ss += (double) values[v] * values[v];
                n++;
            }
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt(ss / n - mean * mean)};
    }
}
