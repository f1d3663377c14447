package org.neurocurate.quality.tissue;

import org.neurocurate.quality.masks.Grid3;

/**
 * Potts-MRF posteriors by synchronous mean-field sweeps over the 6-neighbourhood, restricted to the
 * brain: q<sub>k</sub>(v) ∝ exp(log π<sub>k</sub> − log σ<sub>k</sub> − (x<sub>v</sub> − μ<sub>k</sub>)²/(2σ<sub>k</sub>²)
 * + β Σ<sub>u</sub> q<sub>k</sub>(u)).
 */
final class MeanFieldMrf {

    private MeanFieldMrf() {
    }

    /** Posteriors per class (indexed like {@code voxels}). */
    static float[][] posteriors(float[] x, int[] voxels, boolean[] brain, Grid3 g, IntensityMixture m, double beta, int sweeps) {
        int n = voxels.length;
        int[] compact = new int[brain.length];
        java.util.Arrays.fill(compact, -1);
        for (int i = 0; i < n; i++) {
            compact[voxels[i]] = i;
        }
        float[][] q = new float[3][n];
        float[] unary = new float[3 * n];
        double[] t = new double[3];
        for (int i = 0; i < n; i++) {
            m.logTerms(x[i], t);
            for (int k = 0; k < 3; k++) {
                unary[3 * i + k] = (float) t[k];
            }
            IntensityMixture.softmax(t);
            for (int k = 0; k < 3; k++) {
                q[k][i] = (float) t[k];
            }
        }
        int nx = g.nx();
        int nxy = nx * g.ny();
        for (int s = 0; s < sweeps && beta > 0; s++) {
            float[][] next = new float[3][n];
            for (int i = 0; i < n; i++) {
                int v = voxels[i];
                int xx = v % nx;
                int yy = (v / nx) % g.ny();
                int zz = v / nxy;
                double[] field = new double[3];
                neighbour(q, compact, xx > 0 ? v - 1 : -1, field);
                neighbour(q, compact, xx < nx - 1 ? v + 1 : -1, field);
                neighbour(q, compact, yy > 0 ? v - nx : -1, field);
                neighbour(q, compact, yy < g.ny() - 1 ? v + nx : -1, field);
                neighbour(q, compact, zz > 0 ? v - nxy : -1, field);
                neighbour(q, compact, zz < g.nz() - 1 ? v + nxy : -1, field);
                for (int k = 0; k < 3; k++) {
                    t[k] = unary[3 * i + k] + beta * field[k];
                }
                IntensityMixture.softmax(t);
                for (int k = 0; k < 3; k++) {
                    next[k][i] = (float) t[k];
                }
            }
            q = next;
        }
        return q;
    }

    private static void neighbour(float[][] q, int[] compact, int w, double[] field) {
        if (w < 0) {
            return;
        }
        int j = compact[w];
        if (j >= 0) {
            field[0] += q[0][j];
            field[1] += q[1][j];
            field[2] += q[2][j];
        }
    }
}
