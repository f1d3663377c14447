package org.neurocurate.volume;

/**
 * Which world axis each voxel axis runs along, and in which direction: nibabel's {@code io_orientation}.
 * The affine's 3×3 part is normalised per column, replaced by its nearest orthogonal matrix, and each
 * voxel axis in turn takes the world axis it changes most (ties broken by removing used world axes).
 *
 * @param worldAxis for voxel axes i, j, k: the world axis (0 = x, 1 = y, 2 = z)
 * @param flip      for voxel axes i, j, k: −1 when the index runs against the RAS+ direction, else 1
 */
public record Orientation(int[] worldAxis, int[] flip) {

    private static final String POSITIVE = "RAS";
    private static final String NEGATIVE = "LPI";

    /** The orientation of an affine's voxel axes. */
    public static Orientation of(Affine affine) {
        double[][] r = affine.linear();
        double[] zooms = affine.columnNorms();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] /= zooms[j] == 0 ? 1 : zooms[j];
            }
        }
        r = Affine.nearestOrthogonal(r);
        int[] axis = {-1, -1, -1};
        int[] flip = {1, 1, 1};
        boolean[] used = new boolean[3];
        for (int in = 0; in < 3; in++) {
            int best = -1;
            double bestAbs = 1e-8; // a column of (numerically) zeros has no orientation
            for (int out = 0; out < 3; out++) {
                if (!used[out] && Math.abs(r[out][in]) > bestAbs) {
                    bestAbs = Math.abs(r[out][in]);
                    best = out;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("voxel axis " + in + " has no direction in the affine " + affine);
            }
            axis[in] = best;
            flip[in] = r[best][in] < 0 ? -1 : 1;
            used[best] = true;
        }
        return new Orientation(axis, flip);
    }

    /** True for RAS+ in index order: i → R, j → A, k → S. */
    public boolean isCanonical() {
        for (int d = 0; d < 3; d++) {
            if (worldAxis[d] != d || flip[d] != 1) {
                return false;
            }
        }
        return true;
    }

    /** The three-letter code nibabel's {@code aff2axcodes} gives, e.g. "LAS". */
    public String code() {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < 3; d++) {
            s.append((flip[d] > 0 ? POSITIVE : NEGATIVE).charAt(worldAxis[d]));
        }
        return s.toString();
    }
}
