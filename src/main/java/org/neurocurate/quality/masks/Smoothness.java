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
        int[] step = {1, g.nx(), g.nx() * g.ny()};
        for (int a = 0; a < 3; a++) {
            double d1 = 0;
            double d2 = 0;
            long m = 0;
            for (int z = 0, v = 0; z < g.nz(); z++) {
                for (int y = 0; y < g.ny(); y++) {
                    for (int x = 0; x < g.nx(); x++, v++) {
                        int c = a == 0 ? x : a == 1 ? y : z;
                        int len = a == 0 ? g.nx() : a == 1 ? g.ny() : g.nz();
                        if (c + 1 < len && mask[v] && mask[v + step[a]]) {
                            double d = image[v + step[a]] - image[v];
                            d1 += d;
                            d2 += d * d;
                            m++;
                        }
                    }
                }
            }
            double varD = m > 1 ? d2 / m - (d1 / m) * (d1 / m) : Double.NaN;
            double rho = 1 - varD / (2 * var);
            out[a] = rho > 0 && rho < 1 ? Math.sqrt(-2 * Math.log(2) / Math.log(rho)) * g.spacing()[a] : Double.NaN;
        }
        return out;
    }
}
