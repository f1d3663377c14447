package org.neurocurate.quality.tissue;

import java.util.stream.IntStream;

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
     * row), then exp; planes in parallel.
     */
    float[] evaluate(Grid3 g) {
        double[][] wx = axisWeights(g.nx(), g.spacing()[0], 0);
        double[][] wy = axisWeights(g.ny(), g.spacing()[1], 1);
        double[][] wz = axisWeights(g.nz(), g.spacing()[2], 2);
        float[] out = new float[g.size()];
        IntStream.range(0, g.nz()).parallel().forEach(z -> {
            double[] row = new double[nb[0]];
            for (int y = 0, v = z * g.nx() * g.ny(); y < g.ny(); y++) {
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
        });
        return out;
    }

    /**
     * The log of the field at the voxels {@code voxels} of a grid sharing this field's physical frame:
     * the same trilinear interpolation as {@link #evaluate}, at those voxels only (in parallel).
     */
    double[] logAt(int[] voxels, Grid3 g) {
        double[][] wx = axisWeights(g.nx(), g.spacing()[0], 0);
        double[][] wy = axisWeights(g.ny(), g.spacing()[1], 1);
        double[][] wz = axisWeights(g.nz(), g.spacing()[2], 2);
        double[] out = new double[voxels.length];
        IntStream.range(0, voxels.length).parallel().forEach(i -> {
            int v = voxels[i];
            double[] ax = wx[v % g.nx()];
            double[] ay = wy[(v / g.nx()) % g.ny()];
            double[] az = wz[v / (g.nx() * g.ny())];
            double f = 0;
            for (int c = 0; c < 8; c++) {
                f += cornerWeight(c, ax, ay, az) * logField[corner(c, ax, ay, az)];
            }
            out[i] = f - offset;
        });
        return out;
    }

    /** Lattice index of corner {@code c} (bits x, y, z) of a voxel with these axis weights. */
    private int corner(int c, double[] ax, double[] ay, double[] az) {
        return (int) ax[c & 1] + nb[0] * ((int) ay[(c >> 1) & 1] + nb[1] * (int) az[c >> 2]);
    }

    /** Trilinear weight of corner {@code c} (bits x, y, z) of a voxel with these axis weights. */
    private static double cornerWeight(int c, double[] ax, double[] ay, double[] az) {
        return ax[2 + (c & 1)] * ay[2 + ((c >> 1) & 1)] * az[2 + (c >> 2)];
    }

    /**
     * Per voxel, its eight lattice points (x fastest), their trilinear weights, and where each lies
     * among the 27 neighbours of the first (offsets 0..1 per axis, 0 where the lattice ends): for
     * {@link LatticeFit}'s few thousand voxels of a coarse grid ({@link #logAt} interpolates on the fly).
     */
    private record Corners(int[] index, double[] weight, int[] neighbour) {
    }

    private Corners corners(int[] voxels, Grid3 g) {
        double[][] wx = axisWeights(g.nx(), g.spacing()[0], 0);
        double[][] wy = axisWeights(g.ny(), g.spacing()[1], 1);
        double[][] wz = axisWeights(g.nz(), g.spacing()[2], 2);
        int[] index = new int[8 * voxels.length];
        double[] weight = new double[8 * voxels.length];
        int[] neighbour = new int[8 * voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            int v = voxels[i];
            double[] ax = wx[v % g.nx()];
            double[] ay = wy[(v / g.nx()) % g.ny()];
            double[] az = wz[v / (g.nx() * g.ny())];
            for (int c = 0; c < 8; c++) {
                index[8 * i + c] = corner(c, ax, ay, az);
                weight[8 * i + c] = cornerWeight(c, ax, ay, az);
                neighbour[8 * i + c] = ((int) ax[c & 1] - (int) ax[0]) + 3 * (((int) ay[(c >> 1) & 1] - (int) ay[0])
                        + 3 * ((int) az[c >> 2] - (int) az[0]));
            }
        }
        return new Corners(index, weight, neighbour);
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

    /**
     * Least-squares fits of fields to values known at fixed voxels: the log field, trilinear between
     * lattice points {@code blockMm} apart (the representation of {@link #evaluate}), that fits a target
     * at the voxels, regularised by the squared second differences of the lattice along each axis times
     * {@code bending} per voxel of data per lattice point. It is a projection onto smooth fields that
     * leaves their low frequencies whole (a Gaussian smoothing of the whole field at every iteration, as
     * {@link #estimate}, would shrink them each time) and extends the field linearly, not wildly, where
     * no voxel is. The normal equations are made once; each fit solves them by Jacobi-preconditioned
     * conjugate gradients.
     */
    static final class LatticeFit {

        /**
         * Conjugate gradients stop when the residual's norm is this fraction of the right-hand side's:
         * 1e-6 took ~270 iterations per fit on a 1 mm head's 968 lattice points, 1e-4 ~170, with the
         * same IQMs to three digits.
         */
        private static final double SOLVED = 1e-4;

        private final int[] voxels;
        private final int[] nb;
        private final double blockMm;
        private final int points;
        /** Per voxel, its eight lattice points and trilinear weights. */
        private final int[] index;
        private final double[] weight;
        /** Per lattice point, BᵀB against its 27 neighbours (offsets −1..1 per axis, x fastest). */
        private final double[] normal;
        private final double lambda;
        private final double[] diagonal;

        LatticeFit(int[] voxels, Grid3 g, double blockMm, double bending) {
            this.voxels = voxels;
            this.blockMm = blockMm;
            int[] n = {g.nx(), g.ny(), g.nz()};
            nb = new int[3];
            for (int a = 0; a < 3; a++) {
                nb[a] = Math.max(1, (int) Math.ceil(n[a] * g.spacing()[a] / blockMm));
            }
            points = nb[0] * nb[1] * nb[2];
            Corners corners = new BiasField(new double[points], nb, blockMm, 0).corners(voxels, g);
            index = corners.index;
            weight = corners.weight;
            normal = new double[27 * points];
            for (int i = 0; i < voxels.length; i++) {
                for (int c = 8 * i; c < 8 * i + 8; c++) {
                    for (int e = 8 * i; e < 8 * i + 8; e++) {
                        normal[27 * index[c] + 13 + corners.neighbour[e] - corners.neighbour[c]] += weight[c] * weight[e];
                    }
                }
            }
            lambda = bending * voxels.length / points;
            diagonal = diagonal();
        }

        /** The fitted field, median 1 over the voxels; conjugate gradients start from {@code start} (null: zero). */
        BiasField fit(double[] target, BiasField start) {
            double[] rhs = new double[points];
            for (int i = 0; i < voxels.length; i++) {
                for (int c = 0; c < 8; c++) {
                    rhs[index[8 * i + c]] += weight[8 * i + c] * target[i];
                }
            }
            double[] f = start != null && start.logField.length == points ? start.logField.clone() : new double[points];
            double[] r = rhs.clone();
            double[] af = apply(f);
            double[] z = new double[points];
            for (int k = 0; k < points; k++) {
                r[k] -= af[k];
                z[k] = r[k] / diagonal[k];
            }
            double[] p = z.clone();
            double rz = dot(r, z);
            double stop = SOLVED * SOLVED * Math.max(dot(rhs, rhs), 1e-30);
            for (int it = 0; it < 4 * points && dot(r, r) > stop; it++) {
                double[] ap = apply(p);
                double alpha = rz / dot(p, ap);
                for (int k = 0; k < points; k++) {
                    f[k] += alpha * p[k];
                    r[k] -= alpha * ap[k];
                    z[k] = r[k] / diagonal[k];
                }
                double next = dot(r, z);
                for (int k = 0; k < points; k++) {
                    p[k] = z[k] + next / rz * p[k];
                }
                rz = next;
            }
            double[] atVoxels = logAt(f, 0);
            double median = atVoxels.length == 0 ? 0 : OrderStatistics.select(atVoxels, 0, atVoxels.length, atVoxels.length / 2);
            return new BiasField(f, nb, blockMm, median);
        }

        /** The log of a field of this lattice at the voxels. */
        double[] logAt(BiasField field) {
            return logAt(field.logField, field.offset);
        }

        private double[] logAt(double[] f, double offset) {
            double[] out = new double[voxels.length];
            for (int i = 0; i < voxels.length; i++) {
                double s = 0;
                for (int c = 0; c < 8; c++) {
                    s += weight[8 * i + c] * f[index[8 * i + c]];
                }
                out[i] = s - offset;
            }
            return out;
        }

        /** (BᵀB + λ·Σ_axes DᵀD) f, D the second difference along an axis. */
        private double[] apply(double[] f) {
            double[] out = new double[points];
            for (int c = 0; c < points; c++) {
                double s = 0;
                for (int k = 0; k < 27; k++) {
                    double a = normal[27 * c + k];
                    if (a != 0) {
                        s += a * f[c + (k % 3 - 1) + nb[0] * ((k / 3) % 3 - 1 + nb[1] * (k / 9 - 1))];
                    }
                }
                out[c] = s;
            }
            int[] stride = {1, nb[0], nb[0] * nb[1]};
            for (int a = 0; a < 3; a++) {
                if (nb[a] < 3) {
                    continue;
                }
                for (int c = 0; c < points; c++) {
                    int coord = (c / stride[a]) % nb[a];
                    if (coord == 0 || coord == nb[a] - 1) {
                        continue;
                    }
                    double d = lambda * (f[c - stride[a]] - 2 * f[c] + f[c + stride[a]]);
                    out[c - stride[a]] += d;
                    out[c] -= 2 * d;
                    out[c + stride[a]] += d;
                }
            }
            return out;
        }

        /** The diagonal of BᵀB + λ·Σ_axes DᵀD (the Jacobi preconditioner). */
        private double[] diagonal() {
            double[] d = new double[points];
            int[] stride = {1, nb[0], nb[0] * nb[1]};
            for (int c = 0; c < points; c++) {
                d[c] = normal[27 * c + 13];
                for (int a = 0; a < 3; a++) {
                    int k = (c / stride[a]) % nb[a];
                    for (int m = k - 1; m <= k + 1; m++) {
                        if (m >= 1 && m <= nb[a] - 2) {
                            d[c] += lambda * (m == k ? 4 : 1);
                        }
                    }
                }
                d[c] = Math.max(d[c], 1e-12);
            }
            return d;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int k = 0; k < a.length; k++) {
                s += a[k] * b[k];
            }
            return s;
        }
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
