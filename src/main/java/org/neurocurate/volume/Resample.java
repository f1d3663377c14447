package org.neurocurate.volume;

import java.util.Arrays;
import java.util.stream.IntStream;

import net.imglib2.img.array.ArrayImgs;

/**
 * Resampling of a volume onto another voxel grid in world space, keeping the affine consistent: each
 * target voxel p takes the source value at A_src⁻¹ · A_target · p. Output is float32 of the real
 * (scaled) values. A target voxel whose source position lies more than half a voxel outside the
 * source grid gets 0 (outside the field of view); inside that margin the edge value is used.
 * 4D volumes are resampled frame by frame.
 */
public final class Resample {

    private Resample() {
    }

    /**
     * Resamples to a voxel size (mm) over the same field of view: n' = max(1, round(n · s / s')),
     * and target voxel 0 sits where the first voxel of size s' would, inside the old first voxel's edge.
     */
    public static Volume toSpacing(Volume volume, double[] spacingMm, Interpolation interpolation) {
        double[] s = volume.spacing();
        long[] dims = volume.dimensions();
        long[] out = new long[3];
        double[][] m = new double[4][4];
        for (int d = 0; d < 3; d++) {
            if (!(spacingMm[d] > 0) || !Double.isFinite(spacingMm[d])) {
                throw new IllegalArgumentException("target spacing must be positive mm: " + Arrays.toString(spacingMm));
            }
            double ratio = spacingMm[d] / s[d];
            out[d] = Math.max(1, Math.round(dims[d] / ratio));
            m[d][d] = ratio;
            m[d][3] = (ratio - 1) / 2; // old index of the new voxel 0 centre: edges of the field of view align
        }
        m[3][3] = 1;
        return toGrid(volume, out, volume.voxelToWorld().compose(Affine.fromRows(m)), interpolation);
    }

    /** Resamples onto the grid of {@code dims} voxels with voxel-to-world {@code target}. */
    public static Volume toGrid(Volume volume, long[] dims, Affine target, Interpolation interpolation) {
        if (dims.length != 3 || Arrays.stream(dims).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("target grid needs 3 positive sizes: " + Arrays.toString(dims));
        }
        long[] srcDims = volume.dimensions();
        int frames = 1;
        for (int d = 3; d < srcDims.length; d++) {
            frames = Math.multiplyExact(frames, (int) srcDims[d]);
        }
        float[] src = volume.toFloatArray();
        int[] sd = {(int) srcDims[0], (int) srcDims[1], (int) srcDims[2]};
        int frameIn = sd[0] * sd[1] * sd[2];
        int frameOut = Math.toIntExact(dims[0] * dims[1] * dims[2]);
        float[] dst = new float[Math.multiplyExact(frameOut, frames)];
        Affine toSource = volume.voxelToWorld().inverse().compose(target);
        for (int f = 0; f < frames; f++) {
            sampleFrame(src, f * frameIn, sd, dst, f * frameOut, dims, toSource, interpolation);
        }
        long[] outDims = srcDims.clone();
        System.arraycopy(dims, 0, outDims, 0, 3);
        return Volume.of(ArrayImgs.floats(dst, outDims), 1, 0, target, target.columnNorms(),
                volume.header().orElse(null));
    }

    /** Fills one output frame; slices along k run in parallel (bounded by the common pool). */
    private static void sampleFrame(float[] src, int srcOff, int[] sd, float[] dst, int dstOff, long[] dims,
            Affine toSource, Interpolation interpolation) {
        int nx = (int) dims[0], ny = (int) dims[1], nz = (int) dims[2];
        double[][] t = toSource.toRows();
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                int row = dstOff + (k * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    double x = t[0][0] * i + t[0][1] * j + t[0][2] * k + t[0][3];
                    double y = t[1][0] * i + t[1][1] * j + t[1][2] * k + t[1][3];
                    double z = t[2][0] * i + t[2][1] * j + t[2][2] * k + t[2][3];
                    dst[row + i] = interpolation == Interpolation.NEAREST
                            ? nearest(src, srcOff, sd, x, y, z) : linear(src, srcOff, sd, x, y, z);
                }
            }
        });
    }

    private static boolean outside(int[] sd, double x, double y, double z) {
        return x < -0.5 || y < -0.5 || z < -0.5 || x > sd[0] - 0.5 || y > sd[1] - 0.5 || z > sd[2] - 0.5;
    }

    private static float nearest(float[] src, int off, int[] sd, double x, double y, double z) {
        if (outside(sd, x, y, z)) {
            return 0;
        }
        int i = clamp((int) Math.floor(x + 0.5), sd[0]);
        int j = clamp((int) Math.floor(y + 0.5), sd[1]);
        int k = clamp((int) Math.floor(z + 0.5), sd[2]);
        return src[off + (k * sd[1] + j) * sd[0] + i];
    }

    private static float linear(float[] src, int off, int[] sd, double x, double y, double z) {
        if (outside(sd, x, y, z)) {
            return 0;
        }
        int i0 = (int) Math.floor(x), j0 = (int) Math.floor(y), k0 = (int) Math.floor(z);
        double fx = x - i0, fy = y - j0, fz = z - k0;
        int ia = clamp(i0, sd[0]), ib = clamp(i0 + 1, sd[0]);
        int ja = clamp(j0, sd[1]), jb = clamp(j0 + 1, sd[1]);
        int ka = clamp(k0, sd[2]), kb = clamp(k0 + 1, sd[2]);
        int sx = sd[0], sxy = sd[0] * sd[1];
        double c00 = src[off + ka * sxy + ja * sx + ia] * (1 - fx) + src[off + ka * sxy + ja * sx + ib] * fx;
        double c10 = src[off + ka * sxy + jb * sx + ia] * (1 - fx) + src[off + ka * sxy + jb * sx + ib] * fx;
        double c01 = src[off + kb * sxy + ja * sx + ia] * (1 - fx) + src[off + kb * sxy + ja * sx + ib] * fx;
        double c11 = src[off + kb * sxy + jb * sx + ia] * (1 - fx) + src[off + kb * sxy + jb * sx + ib] * fx;
        double c0 = c00 * (1 - fy) + c10 * fy;
        double c1 = c01 * (1 - fy) + c11 * fy;
        return (float) (c0 * (1 - fz) + c1 * fz);
    }

    private static int clamp(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }
}
