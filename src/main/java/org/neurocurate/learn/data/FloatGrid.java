package org.neurocurate.learn.data;

import org.neurocurate.volume.GridSampling;

/**
 * A 3D float image on the training grid, x fastest: value (x, y, z) at {@code data[x + nx·(y + ny·z)]}.
 * The hot loops of the augmentations and the cache work on this array directly.
 */
public record FloatGrid(float[] data, int nx, int ny, int nz) {

    public FloatGrid {
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz != data.length) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " does not match " + data.length + " values");
        }
    }

    /** A zero-filled grid. */
    public static FloatGrid zeros(int nx, int ny, int nz) {
        return new FloatGrid(new float[nx * ny * nz], nx, ny, nz);
    }

    public int size() {
        return data.length;
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    /** An empty grid of the same shape. */
    public FloatGrid blank() {
        return zeros(nx, ny, nz);
    }

    /**
     * Trilinear interpolation at a continuous voxel position; 0 outside the grid (beyond half a
     * voxel from the edge, positions are clamped to the border voxel).
     */
    public float trilinear(double x, double y, double z) {
        return GridSampling.trilinear(data, nx, ny, nz, x, y, z);
    }
}
