package org.neurocurate.artifact;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;
import org.neurocurate.volume.Volume;

/**
 * The 3D sampling grid of a {@link Volume} as plain ints: sizes along i, j, k (i fastest in flat
 * arrays) and voxel spacing in mm. Artifacts work on flat float arrays on this grid.
 *
 * @param nx size along i (voxels)
 * @param ny size along j (voxels)
 * @param nz size along k (voxels)
 * @param spacing voxel size along i, j, k (mm)
 */
public record VolumeGrid(int nx, int ny, int nz, double[] spacing) {

    public VolumeGrid {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid sizes must be positive: " + nx + "x" + ny + "x" + nz);
        }
        spacing = spacing.clone();
    }

    /** The grid of a 3D volume; throws when the volume is not 3D or too large for one array. */
    public static VolumeGrid of(Volume volume) {
        long[] d = volume.dimensions();
        if (d.length != 3) {
            throw new IllegalArgumentException("artifacts need a 3D volume, got dims " + Arrays.toString(d));
        }
        if (d[0] * d[1] * d[2] > Integer.MAX_VALUE / 2 - 8) {
            throw new IllegalArgumentException("volume " + Arrays.toString(d) + " is too large for k-space in one array");
        }
        return new VolumeGrid((int) d[0], (int) d[1], (int) d[2], volume.spacing());
    }

    /** Number of voxels. */
    public int size() {
        return nx * ny * nz;
    }

    /** Size along axis 0 (i), 1 (j) or 2 (k). */
    public int dim(int axis) {
        return switch (axis) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }

    /** Flat index of voxel (i, j, k), i fastest. */
    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** Voxel spacing (mm) along i, j, k. */
    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /** A float volume with the geometry and header of {@code like} and the given values (i fastest). */
    static Volume withValues(Volume like, float[] values) {
        return like.withImage(ArrayImgs.floats(values, like.dimensions()));
    }
}
