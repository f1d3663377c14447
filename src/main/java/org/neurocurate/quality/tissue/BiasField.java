package org.neurocurate.quality.tissue;

import org.neurocurate.quality.iqm.OrderStatistics;
import org.neurocurate.quality.masks.Grid3;

/**
 * A smooth multiplicative bias field from a log-residual known on brain voxels: the residual is
 * averaged in coarse blocks, smoothed by normalised convolution (Gaussian σ in blocks: smoothed sum
 * over smoothed count, Knutsson &amp; Westin, CVPR 1993), and interpolated trilinearly back to every
 * voxel; the field is exp of that, scaled to median 1 over the brain.
 */
final class BiasField {

    private final double[] logField;
    private final int[] nb;
    private final double blockMm;
    private final double offset;

    private BiasField(double[] logField, int[] nb, double blockMm, double offset) {
        this.logField = logField;
        this.nb = nb;
        this.blockMm = blockMm;
        this.offset = offset;
    }

    /** No bias: the field is 1 everywhere. */
    static BiasField flat() {
        return new BiasField(new double[1], new int[] {1, 1, 1}, 1e9, 0);
    }

    /**
     * The field on the voxels of a grid sharing this field's physical frame (same origin and extent):
     * trilinear interpolation of the log field, done separably (one interpolated block row per voxel
     * row), then exp.
     */
    float[] evaluate(Grid3 g) {
        double[][] wx = axisWeights(g.nx(), g.spacing()[0], 0);
        double[][] wy = axisWeights(g.ny(), g.spacing()[1], 1);
        double[][] wz = axisWeights(g.nz(), g.spacing()[2], 2);
        float[] out = new float[g.size()];
        double[] row = new double[nb[0]];
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int bx = 0; bx < nb[0]; bx++) {
                    double r = 0;
                    for (int c = 0; c < 4; c++) {
                        int dy = c & 1;
                        int dz = c >> 1;
                        double w = wy[y][2 + dy] * wz[z][2 + dz];
                        if (w != 0) {
                            r += w * logField[bx + nb[0] * ((int) wy[y][dy] + nb[1] * (int) wz[z][dz])];
                        }
                    }
                    row[bx] = r;
                }
                for (int x = 0; x < g.nx(); x++, v++) {
                    double f = wx[x][2] * row[(int) wx[x][0]] + wx[x][3] * row[(int) wx[x][1]];
                    out[v] = (float) Math.exp(f - offset);
                }
            }
        }
        return out;
    }

    /** Per voxel index along an axis: {lower block, upper block, weight of lower, weight of upper}. */
    private double[][] axisWeights(int n, double spacing, int axis) {
        double[][] out = new double[n][4];
        for (int i = 0; i < n; i++) {
            double p = Math.max(0, Math.min(nb[axis] - 1, (i + 0.5) * spacing / blockMm - 0.5));
            int lo = (int) Math.floor(p);
            int hi = Math.min(nb[axis] - 1, lo + 1);
            double t = p - lo;
            out[i][0] = lo;
            out[i][1] = hi;
            out[i][2] = 1 - t;
            out[i][3] = hi == lo ? 0 : t;
        }
        return out;
    }

    /**
     * @param residual log(image) − log(expected tissue intensity) at each brain voxel (index {@code voxels[i]})
     */
    static BiasField estimate(double[] residual, int[] voxels, Grid3 g, double blockMm, double sigmaBlocks) {
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
        BiasField unscaled = new BiasField(field, nb, blockMm, 0);
        float[] atVoxels = unscaled.evaluate(g);
        double[] brain = new double[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            brain[i] = Math.log(atVoxels[voxels[i]]);
        }
        double median = brain.length == 0 ? 0 : OrderStatistics.select(brain, 0, brain.length, brain.length / 2);
        return new BiasField(field, nb, blockMm, median);
    }

    private static int block(int i, double spacing, double blockMm, int nb) {
        return Math.min(nb - 1, (int) ((i + 0.5) * spacing / blockMm));
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
