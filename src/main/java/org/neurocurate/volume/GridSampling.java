package org.neurocurate.volume;

/** Sampling a 3D float array (x fastest: value (x, y, z) at {@code data[x + nx·(y + ny·z)]}) between its voxels. */
public final class GridSampling {

    private GridSampling() {
    }

    /**
     * Trilinear interpolation at a continuous voxel position; 0 outside the grid (beyond half a voxel
     * from the edge, positions are clamped to the border voxel).
     */
    public static float trilinear(float[] data, int nx, int ny, int nz, double x, double y, double z) {
        if (x < -0.5 || y < -0.5 || z < -0.5 || x > nx - 0.5 || y > ny - 0.5 || z > nz - 0.5) {
            return 0f;
        }
        double cx = Math.min(Math.max(x, 0), nx - 1);
        double cy = Math.min(Math.max(y, 0), ny - 1);
        double cz = Math.min(Math.max(z, 0), nz - 1);
        int x0 = Math.min((int) cx, nx - 2 < 0 ? 0 : nx - 2);
        int y0 = Math.min((int) cy, ny - 2 < 0 ? 0 : ny - 2);
        int z0 = Math.min((int) cz, nz - 2 < 0 ? 0 : nz - 2);
        double fx = nx > 1 ? cx - x0 : 0;
        double fy = ny > 1 ? cy - y0 : 0;
        double fz = nz > 1 ? cz - z0 : 0;
        int sx = nx > 1 ? 1 : 0;
        int sy = ny > 1 ? nx : 0;
        int sz = nz > 1 ? nx * ny : 0;
        int i = x0 + nx * (y0 + ny * z0);
        double c00 = data[i] * (1 - fx) + data[i + sx] * fx;
        double c10 = data[i + sy] * (1 - fx) + data[i + sy + sx] * fx;
        double c01 = data[i + sz] * (1 - fx) + data[i + sz + sx] * fx;
        double c11 = data[i + sz + sy] * (1 - fx) + data[i + sz + sy + sx] * fx;
        double c0 = c00 * (1 - fy) + c10 * fy;
        double c1 = c01 * (1 - fy) + c11 * fy;
        return (float) (c0 * (1 - fz) + c1 * fz);
    }
}
