package org.neurocurate.artifact;

/**
 * Separable Gaussian smoothing of a flat 3D float array (i fastest), with edge values replicated
 * beyond the borders. Kernel radius ⌈3σ⌉ voxels per axis, normalised to sum 1, so a constant image
 * stays constant.
 */
public final class GaussianFilter {

    private GaussianFilter() {
    }

    /**
     * Smooths in place.
     *
     * @param sigmaVoxels standard deviation along i, j, k in voxels (0 skips an axis)
     */
    public static void smooth(float[] data, int nx, int ny, int nz, double[] sigmaVoxels) {
        int[] n = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            if (sigmaVoxels[axis] <= 0 || n[axis] == 1) {
                continue;
            }
            float[] kernel = kernel(sigmaVoxels[axis]);
            float[] line = new float[n[axis]];
            int lines = data.length / n[axis];
            for (int l = 0; l < lines; l++) {
                int start = lineStart(l, axis, nx, ny);
                for (int t = 0; t < n[axis]; t++) {
                    line[t] = data[start + t * stride[axis]];
                }
                for (int t = 0; t < n[axis]; t++) {
                    data[start + t * stride[axis]] = convolveAt(line, kernel, t);
                }
            }
        }
    }

    /** Normalised kernel of radius ⌈3σ⌉. */
    static float[] kernel(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            double w = Math.exp(-0.5 * t * t / (sigma * sigma));
            k[t + r] = (float) w;
            sum += w;
        }
        for (int t = 0; t < k.length; t++) {
            k[t] /= (float) sum;
        }
        return k;
    }

    private static float convolveAt(float[] line, float[] kernel, int t) {
        int r = kernel.length / 2;
        int last = line.length - 1;
        float s = 0;
        if (t - r >= 0 && t + r <= last) {
            for (int o = 0; o < kernel.length; o++) {
                s += kernel[o] * line[t - r + o];
            }
            return s;
        }
        for (int o = -r; o <= r; o++) {
            int u = Math.min(last, Math.max(0, t + o));
            s += kernel[o + r] * line[u];
        }
        return s;
    }

    /** Flat index of the first voxel of line {@code l} running along {@code axis}. */
    private static int lineStart(int l, int axis, int nx, int ny) {
        return switch (axis) {
            case 0 -> l * nx;
            case 1 -> (l % nx) + (l / nx) * nx * ny;
            default -> l;
        };
    }
}
