package org.neurocurate.quality.tissue;

import org.neurocurate.quality.masks.Grid3;

/**
 * A smooth multiplicative bias field from a log-residual known on brain voxels: the residual is
 * averaged in coarse blocks, smoothed by normalised convolution (Gaussian σ in blocks: smoothed sum
 * over smoothed count, Knutsson &amp; Westin, CVPR 1993), and interpolated trilinearly back to every
 * voxel; the field is exp of that, scaled to median 1 over the brain.
 */
final class BiasField {

    private BiasField() {
    }

    /**
     * @param residual log(image) − log(expected tissue intensity) at each brain voxel (index {@code voxels[i]})
     */
    static float[] estimate(double[] residual, int[] voxels, Grid3 g, double blockMm, double sigmaBlocks) {
        int[] nb = new int[3];
        int[] n = {g.nx(), g.ny(), g.nz()};
        for (int a = 0; a < 3; a++) {
            nb[a] = Math.max(1, (int) Math.ceil(n[a] * g.spacing()[a] / blockMm));
        }
        int blocks = nb[0] * nb[1] * nb[2];
        double[] sum = new double[blocks];
        double[] count = new double[blocks];
        for (int i = 0; i < voxels.length; i++) {
            int v = voxels[i];
            int x = v % g.nx();
            int y = (v / g.nx()) % g.ny();
            int z = v / (g.nx() * g.ny());
            int b = block(x, g.spacing()[0], blockMm, nb[0])
                    + nb[0] * (block(y, g.spacing()[1], blockMm, nb[1]) + nb[1] * block(z, g.spacing()[2], blockMm, nb[2]));
            sum[b] += residual[i];
            count[b]++;
        }
        smooth(sum, nb, sigmaBlocks);
        smooth(count, nb, sigmaBlocks);
        double[] field = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            field[b] = count[b] > 1e-6 ? sum[b] / count[b] : 0;
        }
        float[] out = new float[g.size()];
        double[] pos = new double[3];
        for (int z = 0, v = 0; z < g.nz(); z++) {
            pos[2] = (z + 0.5) * g.spacing()[2] / blockMm - 0.5;
            for (int y = 0; y < g.ny(); y++) {
                pos[1] = (y + 0.5) * g.spacing()[1] / blockMm - 0.5;
                for (int x = 0; x < g.nx(); x++, v++) {
                    pos[0] = (x + 0.5) * g.spacing()[0] / blockMm - 0.5;
                    out[v] = (float) trilinear(field, nb, pos);
                }
            }
        }
        double[] brain = new double[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            brain[i] = out[voxels[i]];
        }
        java.util.Arrays.sort(brain);
        double median = brain.length == 0 ? 0 : brain[brain.length / 2];
        for (int v = 0; v < out.length; v++) {
            out[v] = (float) Math.exp(out[v] - median);
        }
        return out;
    }

    private static int block(int i, double spacing, double blockMm, int nb) {
        return Math.min(nb - 1, (int) ((i + 0.5) * spacing / blockMm));
    }

    private static double trilinear(double[] f, int[] nb, double[] pos) {
        int[] lo = new int[3];
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            double p = Math.max(0, Math.min(nb[a] - 1, pos[a]));
            lo[a] = Math.min(nb[a] - 2, (int) Math.floor(p));
            if (lo[a] < 0) {
                lo[a] = 0;
                t[a] = 0;
            } else {
                t[a] = p - lo[a];
            }
        }
        double out = 0;
        for (int c = 0; c < 8; c++) {
            int dx = c & 1;
            int dy = (c >> 1) & 1;
            int dz = (c >> 2) & 1;
            int x = Math.min(nb[0] - 1, lo[0] + dx);
            int y = Math.min(nb[1] - 1, lo[1] + dy);
            int z = Math.min(nb[2] - 1, lo[2] + dz);
            double w = (dx == 1 ? t[0] : 1 - t[0]) * (dy == 1 ? t[1] : 1 - t[1]) * (dz == 1 ? t[2] : 1 - t[2]);
            out += w * f[x + nb[0] * (y + nb[1] * z)];
        }
        return out;
    }

    /** Separable Gaussian smoothing (σ in blocks, truncated at 3σ, zero outside) of a small block grid, in place. */
    private static void smooth(double[] f, int[] nb, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        int[] stride = {1, nb[0], nb[0] * nb[1]};
        double[] tmp = new double[f.length];
        for (int a = 0; a < 3; a++) {
            for (int v = 0; v < f.length; v++) {
                int coord = (v / stride[a]) % nb[a];
                double s = 0;
                for (int d = -radius; d <= radius; d++) {
                    int c = coord + d;
                    if (c >= 0 && c < nb[a]) {
                        s += kernel[d + radius] * f[v + d * stride[a]];
                    }
                }
                tmp[v] = s;
            }
            System.arraycopy(tmp, 0, f, 0, f.length);
        }
    }
}
