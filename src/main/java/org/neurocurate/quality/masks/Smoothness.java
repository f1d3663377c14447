package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

/**
 * Image smoothness as AFNI's classic {@code 3dFWHMx} estimates it (Forman et al., MRM 33(5):636–647,
 * 1995): along each axis, with ρ = 1 − var(Δx)/(2·var(x)) the lag-1 autocorrelation of a
 * Gaussian-smoothed field (Δx over neighbour pairs both inside the mask),
 * FWHM = √(−2 ln 2 / ln ρ) · spacing (mm). NaN where ρ is outside (0, 1) (no measurable smoothness).
 */
public final class Smoothness {

    private Smoothness() {
    }

    /**
     * FWHM along i, j, k in mm. The sums are taken plane by plane in parallel and added in plane order
     * (the same result whatever the thread count).
     */
    public static double[] fwhmMm(float[] image, boolean[] mask, Grid3 g) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int nxy = nx * ny;
        // per plane: sum, sum of squares and count of the masked values, then per axis the sums of the
        // neighbour differences, of their squares, and their count
        double[][] planes = IntStream.range(0, nz).parallel().mapToObj(z -> {
            double[] p = new double[12];
            for (int y = 0, v = z * nxy; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v]) {
                        continue;
                    }
                    p[0] += image[v];
                    p[1] += (double) image[v] * image[v];
                    p[2]++;
                    if (x + 1 < nx && mask[v + 1]) {
                        accumulate(image[v + 1] - image[v], 0, p);
                    }
                    if (y + 1 < ny && mask[v + nx]) {
                        accumulate(image[v + nx] - image[v], 1, p);
                    }
                    if (z + 1 < nz && mask[v + nxy]) {
                        accumulate(image[v + nxy] - image[v], 2, p);
                    }
                }
            }
            return p;
        }).toArray(double[][]::new);
        double[] total = new double[12];
        for (double[] p : planes) {
            for (int k = 0; k < total.length; k++) {
                total[k] += p[k];
            }
        }
        double n = total[2];
        double[] out = new double[3];
        if (n < 2) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double mean = total[0] / n;
        double var = total[1] / n - mean * mean;
        double[] d1 = {total[3], total[6], total[9]};
        double[] d2 = {total[4], total[7], total[10]};
        double[] m = {total[5], total[8], total[11]};
        for (int a = 0; a < 3; a++) {
            double varD = m[a] > 1 ? d2[a] / m[a] - (d1[a] / m[a]) * (d1[a] / m[a]) : Double.NaN;
            double rho = 1 - varD / (2 * var);
            out[a] = rho > 0 && rho < 1 ? Math.sqrt(-2 * Math.log(2) / Math.log(rho)) * g.spacing()[a] : Double.NaN;
        }
        return out;
    }

    /** Adds one neighbour difference along {@code axis} to a plane's sums (entries 3 + 3·axis ...). */
    private static void accumulate(double d, int axis, double[] p) {
        p[3 + 3 * axis] += d;
        p[4 + 3 * axis] += d * d;
        p[5 + 3 * axis]++;
    }
}
