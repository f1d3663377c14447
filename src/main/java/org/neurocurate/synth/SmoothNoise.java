package org.neurocurate.synth;

import java.util.Random;

import org.neurocurate.artifact.GaussianFilter;

/**
 * A smooth random field in head coordinates (mm): white Gaussian noise on a coarse lattice, smoothed
 * with a Gaussian of one lattice cell and normalised to zero mean and unit standard deviation, then
 * read anywhere by trilinear interpolation. The lattice costs the same whatever the image grid, so the
 * same subject looks the same at 1 mm and at 4 mm, and a voxel costs one interpolation.
 *
 * <p>{@link #gradientRms()} is the RMS of |∇f| (per mm); |f| / gradientRms approximates the distance
 * (mm) to the zero level set, which the anatomy uses for sulci and lesion borders.
 */
final class SmoothNoise {

    private final float[] lattice;
    private final int n;
    private final double cell;
    private final double origin;
    private final double gradientRms;

    /**
     * @param cellMm lattice spacing (mm); features are a few cells wide
     * @param halfExtentMm the lattice covers [−halfExtent, halfExtent]³; outside, the border value is held
     */
    SmoothNoise(Random random, double cellMm, double halfExtentMm) {
        this.cell = cellMm;
        this.n = 2 * (int) Math.ceil(halfExtentMm / cellMm) + 1;
        this.origin = -(n - 1) / 2.0 * cellMm;
        this.lattice = new float[n * n * n];
        java.util.SplittableRandom white = new java.util.SplittableRandom(random.nextLong());
        for (int v = 0; v < lattice.length; v++) {
            lattice[v] = (float) white.nextGaussian();
        }
        GaussianFilter.smooth(lattice, n, n, n, new double[] {1, 1, 1});
        normalise();
        this.gradientRms = measureGradientRms();
    }

    private void normalise() {
        double s = 0;
        double ss = 0;
        for (float x : lattice) {
            s += x;
            ss += x * x;
        }
        double mean = s / lattice.length;
        double sd = Math.sqrt(Math.max(1e-12, ss / lattice.length - mean * mean));
        for (int v = 0; v < lattice.length; v++) {
            lattice[v] = (float) ((lattice[v] - mean) / sd);
        }
    }

    private double measureGradientRms() {
        double ss = 0;
        long count = 0;
        for (int k = 1; k < n - 1; k++) {
            for (int j = 1; j < n - 1; j++) {
                for (int i = 1; i < n - 1; i++) {
                    int v = i + n * (j + n * k);
                    double gx = lattice[v + 1] - lattice[v - 1];
                    double gy = lattice[v + n] - lattice[v - n];
                    double gz = lattice[v + n * n] - lattice[v - n * n];
                    ss += gx * gx + gy * gy + gz * gz;
                    count++;
                }
            }
        }
        return Math.sqrt(ss / Math.max(1, count)) / (2 * cell);
    }

    /** RMS gradient magnitude, per mm. */
    double gradientRms() {
        return gradientRms;
    }

    /** The field at (x, y, z) mm. */
    double at(double x, double y, double z) {
        double u = clamp((x - origin) / cell);
        double v = clamp((y - origin) / cell);
        double w = clamp((z - origin) / cell);
        int i = Math.min((int) u, n - 2);
        int j = Math.min((int) v, n - 2);
        int k = Math.min((int) w, n - 2);
        double fx = u - i;
        double fy = v - j;
        double fz = w - k;
        int b = i + n * (j + n * k);
        int dy = n;
        int dz = n * n;
        double c00 = lattice[b] + fx * (lattice[b + 1] - lattice[b]);
        double c10 = lattice[b + dy] + fx * (lattice[b + dy + 1] - lattice[b + dy]);
        double c01 = lattice[b + dz] + fx * (lattice[b + dz + 1] - lattice[b + dz]);
        double c11 = lattice[b + dy + dz] + fx * (lattice[b + dy + dz + 1] - lattice[b + dy + dz]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return c0 + fz * (c1 - c0);
    }

    private double clamp(double t) {
        return t < 0 ? 0 : Math.min(t, n - 1);
    }
}
