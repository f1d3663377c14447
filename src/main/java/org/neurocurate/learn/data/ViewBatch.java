package org.neurocurate.learn.data;

/**
 * Two augmented views of N scans, ready to become one (2N, 1, z, y, x) array: rows 0..N−1 are
 * view 1, N..2N−1 view 2.
 *
 * @param step the optimiser step this batch belongs to (1-based)
 * @param indices dataset indices of the N scans
 * @param voxels 2N · nx·ny·nz values, scan-major, x fastest
 * @param shape grid (x, y, z)
 * @param y continuous variable per scan
 * @param weights per-scan weights
 */
public record ViewBatch(long step, int[] indices, float[] voxels, int[] shape, double[] y, double[] weights) {

    public int n() {
        return indices.length;
    }
}
