package org.neurocurate.quality.masks;

/**
 * Image smoothness as AFNI's classic {@code 3dFWHMx} estimates it (Forman et al., MRM 33(5):636–647,
 * 1995): along each axis, with ρ = 1 − var(Δx)/(2·var(x)) the lag-1 autocorrelation of a
 * Gaussian-smoothed field (Δx over neighbour pairs both inside the mask),
 * FWHM = √(−2 ln 2 / ln ρ) · spacing (mm). NaN where ρ is outside (0, 1) (no measurable smoothness).
 */
public final class Smoothness {

    private Smoothness() {
    }

    /** FWHM along i, j, k in mm. */
    public static double[] fwhmMm(float[] image, boolean[] mask, Grid3 g) {
        double sum = 0;
        double sum2 = 0;
        long n = 0;
        for (int v = 0; v < image.length; v++) {
            if (mask[v]) {
                sum += image[v];
                sum2 += (double) image[v] * image[v];
                n++;
            }
        }
        double[] out = new double[3];
        if (n < 2) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        int nx = g.nx();
        int nxy = nx * g.ny();
        double[] d1 = new double[3];
        double[] d2 = new double[3];
        long[] m = new long[3];
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v]) {
                        continue;
                    }
                    if (x + 1 < nx && mask[v + 1]) {
                        accumulate(image[v + 1] - image[v], 0, d1, d2, m);
                    }
                    if (y + 1 < g.ny() && mask[v + nx]) {
                        accumulate(image[v + nx] - image[v], 1, d1, d2, m);
                    }
                    if (z + 1 < g.nz() && mask[v + nxy]) {
                        accumulate(image[v + nxy] - image[v], 2, d1, d2, m);
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            double varD = m[a] > 1 ? d2[a] / m[a] - (d1[a] / m[a]) * (d1[a] / m[a]) : Double.NaN;
            double rho = 1 - varD / (2 * var);
            out[a] = rho > 0 && rho < 1 ? Math.sqrt(-2 * Math.log(2) / Math.log(rho)) * g.spacing()[a] : Double.NaN;
        }
        return out;
    }

    private static void accumulate(double d, int axis, double[] d1, double[] d2, long[] m) {
        d1[axis] += d;
        d2[axis] += d * d;
        m[axis]++;
    }
}
