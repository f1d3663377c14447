package org.neurocurate.quality.masks;

/**
 * A flat voxel grid (i fastest) with its voxel size: index arithmetic shared by the mask algorithms.
 *
 * @param nx voxels along i
 * @param ny voxels along j
 * @param nz voxels along k
 * @param spacing voxel size along i, j, k (mm)
 */
public record Grid3(int nx, int ny, int nz, double[] spacing) {

    public Grid3 {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid sizes must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if (spacing == null || spacing.length < 3) {
            throw new IllegalArgumentException("spacing needs three values (mm)");
        }
        spacing = spacing.clone();
    }

    public int size() {
        return nx * ny * nz;
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    /** Voxel volume in mm³. */
    /** The shortest voxel side (mm). */
    public double finestMm() {
        return Math.min(spacing[0], Math.min(spacing[1], spacing[2]));
    }

    /** The longest voxel side (mm). */
    public double coarsestMm() {
        return Math.max(spacing[0], Math.max(spacing[1], spacing[2]));
    }

    public double voxelVolume() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    /** True when the voxel lies on a face of the grid. */
    public boolean onBorder(int x, int y, int z) {
        return x == 0 || y == 0 || z == 0 || x == nx - 1 || y == ny - 1 || z == nz - 1;
    }
}
