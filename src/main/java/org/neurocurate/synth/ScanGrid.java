package org.neurocurate.synth;

import org.neurocurate.volume.Affine;

/**
 * The voxel grid a site scans on: the cohort field of view (mm) divided into voxels of the site's
 * spacing, RAS axes, world origin at the centre of the field of view.
 *
 * @param nx voxels along i (left → right)
 * @param ny voxels along j (posterior → anterior)
 * @param nz voxels along k (inferior → superior)
 * @param spacing voxel size (mm) along i, j, k
 */
public record ScanGrid(int nx, int ny, int nz, double[] spacing) {

    /** The field of view of every synthetic scan, mm (x, y, z). */
    public static final double[] FIELD_OF_VIEW_MM = {160, 192, 160};

    public ScanGrid {
        spacing = spacing.clone();
    }

    /** The grid for a site at cohort voxel size {@code gridMm}. */
    public static ScanGrid of(Site site, double gridMm) {
        double[] s = site.spacingMm(gridMm);
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            n[a] = Math.max(4, (int) Math.round(FIELD_OF_VIEW_MM[a] / s[a]));
        }
        return new ScanGrid(n[0], n[1], n[2], s);
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /** Number of voxels. */
    public int size() {
        return nx * ny * nz;
    }

    /** Sizes as imglib2 dimensions. */
    public long[] dimensions() {
        return new long[] {nx, ny, nz};
    }

    /** Voxel volume, ml. */
    public double voxelMl() {
        return spacing[0] * spacing[1] * spacing[2] / 1000;
    }

    /** World x (mm) of index i; likewise {@link #y} and {@link #z}. */
    public double x(int i) {
        return (i - (nx - 1) / 2.0) * spacing[0];
    }

    public double y(int j) {
        return (j - (ny - 1) / 2.0) * spacing[1];
    }

    public double z(int k) {
        return (k - (nz - 1) / 2.0) * spacing[2];
    }

    /** Voxel-to-world affine (RAS, mm). */
    public Affine affine() {
        return Affine.fromRows(new double[][] {
            {spacing[0], 0, 0, x(0)}, {0, spacing[1], 0, y(0)}, {0, 0, spacing[2], z(0)}});
    }
}
