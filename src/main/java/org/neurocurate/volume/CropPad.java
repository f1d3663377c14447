package org.neurocurate.volume;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;

/**
 * Centred cropping and zero-padding to a target grid size, without resampling: voxel (i, j, k) of the
 * result is voxel (i + o_i, j + o_j, k + o_k) of the input with o = floor((n_in − n_out) / 2), and the
 * affine is shifted by o so every kept voxel keeps its world position. Output is float32 of the real
 * values; axes beyond the third are kept.
 */
public final class CropPad {

    private CropPad() {
    }

    /** The volume cropped and/or padded (with 0) to {@code dims} along i, j, k, centred. */
    public static Volume toShape(Volume volume, long[] dims) {
        if (dims.length != 3 || Arrays.stream(dims).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("target shape needs 3 positive sizes: " + Arrays.toString(dims));
        }
        long[] in = volume.dimensions();
        int[] o = new int[3];
        for (int d = 0; d < 3; d++) {
            o[d] = (int) Math.floorDiv(in[d] - dims[d], 2);
        }
        int frames = 1;
        for (int d = 3; d < in.length; d++) {
            frames = Math.multiplyExact(frames, (int) in[d]);
        }
        float[] src = volume.toFloatArray();
        int nx = (int) dims[0], ny = (int) dims[1], nz = (int) dims[2];
        int ix = (int) in[0], iy = (int) in[1], iz = (int) in[2];
        float[] dst = new float[Math.multiplyExact(nx * ny * nz, frames)];
        int i0 = Math.max(0, -o[0]), i1 = Math.min(nx, ix - o[0]);
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < nz; k++) {
                int sk = k + o[2];
                if (sk < 0 || sk >= iz) {
                    continue;
                }
                for (int j = 0; j < ny; j++) {
                    int sj = j + o[1];
                    if (sj < 0 || sj >= iy || i1 <= i0) {
                        continue;
                    }
                    int srcRow = ((f * iz + sk) * iy + sj) * ix + o[0];
                    int dstRow = ((f * nz + k) * ny + j) * nx;
                    System.arraycopy(src, srcRow + i0, dst, dstRow + i0, i1 - i0);
                }
            }
        }
        double[][] shift = {{1, 0, 0, o[0]}, {0, 1, 0, o[1]}, {0, 0, 1, o[2]}};
        long[] outDims = in.clone();
        System.arraycopy(dims, 0, outDims, 0, 3);
        Affine affine = volume.voxelToWorld().compose(Affine.fromRows(shift));
        return Volume.of(ArrayImgs.floats(dst, outDims), 1, 0, affine, volume.spacing(), volume.header().orElse(null));
    }
}
