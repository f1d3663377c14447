package org.neurocurate.quality.masks;

/**
 * Exact Euclidean distance transform in mm (anisotropic voxels), by Felzenszwalb &amp; Huttenlocher's
 * separable lower-envelope algorithm (Theory of Computing 8:415–428, 2012): three 1-D passes of
 * squared distances, O(n). Equivalent to scipy's {@code distance_transform_edt(~mask, sampling)}.
 */
public final class DistanceTransform {

    private static final double INF = 1e20;

    private DistanceTransform() {
    }

    /** Distance (mm) from each voxel to the nearest voxel of {@code target}; 0 inside it. */
    public static float[] distanceTo(boolean[] target, Grid3 g) {
        int n = g.size();
        double[] d = new double[n];
        for (int v = 0; v < n; v++) {
            d[v] = target[v] ? 0 : INF;
        }
        int[] dims = {g.nx(), g.ny(), g.nz()};
        int[] strides = {1, g.nx(), g.nx() * g.ny()};
        int maxLen = Math.max(g.nx(), Math.max(g.ny(), g.nz()));
        double[] f = new double[maxLen];
        double[] out = new double[maxLen];
        int[] v = new int[maxLen];
        double[] z = new double[maxLen + 1];
        for (int axis = 0; axis < 3; axis++) {
            double w = g.spacing()[axis];
            int len = dims[axis];
            int stride = strides[axis];
            for (int start = 0; start < n; start++) {
                if ((start / stride) % len != 0) {
                    continue;
                }
                for (int i = 0; i < len; i++) {
                    f[i] = d[start + i * stride];
                }
                envelope(f, len, w, out, v, z);
                for (int i = 0; i < len; i++) {
                    d[start + i * stride] = out[i];
                }
            }
        }
        float[] result = new float[n];
        for (int i = 0; i < n; i++) {
            result[i] = (float) Math.sqrt(d[i]);
        }
        return result;
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
