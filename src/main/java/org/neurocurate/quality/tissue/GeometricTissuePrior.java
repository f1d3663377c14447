package org.neurocurate.quality.tissue;

import org.neurocurate.quality.masks.Grid3;

/**
 * NeuroCurate's own tissue prior for {@code tpm_overlap_*}, built without any downloaded template:
 * the brain mask's second moments define an ellipsoid (for a solid ellipsoid the covariance along
 * each semi-axis a is a²/5), every voxel gets a normalised radius r (1 on the ellipsoid surface), and
 * radial profiles give the prior probabilities: WM in the core (logistic fall at r = 0.6), GM in the
 * shell (rise at 0.55, fall at 0.92), CSF at the surface (rise at 0.88, fall at 1.05). Profiles are
 * scaled so they never sum above 1; beyond r = 1.4 (all three below 2e−4) the prior is 0. This captures the layout of a brain (WM inside GM inside CSF),
 * which is what the overlap checks; a registered population template would replace it.
 */
public final class GeometricTissuePrior {

    private GeometricTissuePrior() {
    }

    /** Prior maps CSF, GM, WM on the grid. */
    public static float[][] compute(boolean[] brain, Grid3 g) {
        double[] c = new double[3];
        double[][] cov = new double[3][3];
        long n = 0;
        double[] sp = g.spacing();
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (brain[v]) {
                        c[0] += x * sp[0];
                        c[1] += y * sp[1];
                        c[2] += z * sp[2];
                        n++;
                    }
                }
            }
        }
        float[][] out = new float[3][g.size()];
        if (n < 10) {
            return out;
        }
        for (int a = 0; a < 3; a++) {
            c[a] /= n;
        }
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (brain[v]) {
                        double[] d = {x * sp[0] - c[0], y * sp[1] - c[1], z * sp[2] - c[2]};
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                cov[i][j] += d[i] * d[j] / n;
                            }
                        }
                    }
                }
            }
        }
        double[][] inv = inverse(cov);
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    double[] d = {x * sp[0] - c[0], y * sp[1] - c[1], z * sp[2] - c[2]};
                    double q = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            q += d[i] * inv[i][j] * d[j];
                        }
                    }
                    double r = Math.sqrt(q / 5);
                    if (r > 1.4) {
                        continue;
                    }
                    double wm = 1 - logistic((r - 0.6) / 0.05);
                    double gm = logistic((r - 0.55) / 0.05) * (1 - logistic((r - 0.92) / 0.04));
                    double csf = logistic((r - 0.88) / 0.04) * (1 - logistic((r - 1.05) / 0.04));
                    double s = Math.max(1, wm + gm + csf);
                    out[0][v] = (float) (csf / s);
                    out[1][v] = (float) (gm / s);
                    out[2][v] = (float) (wm / s);
                }
            }
        }
        return out;
    }

    private static double logistic(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (j + 1) % 3;
                int i2 = (j + 2) % 3;
                int j1 = (i + 1) % 3;
                int j2 = (i + 2) % 3;
                r[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
            }
        }
        return r;
    }
}
