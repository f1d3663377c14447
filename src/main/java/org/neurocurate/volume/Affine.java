package org.neurocurate.volume;

import java.util.Arrays;

/**
 * An immutable 4×4 affine transform in homogeneous coordinates, stored row-major as doubles.
 * Used as the voxel-to-world (scanner, mm) mapping of a {@link Volume}: world = A · (i, j, k, 1)ᵀ.
 */
public final class Affine {

    private final double[] m; // 16 values, row-major; last row is (0, 0, 0, 1)

    private Affine(double[] m) {
        this.m = m;
    }

    /** The identity transform. */
    public static Affine identity() {
        return scaling(1, 1, 1);
    }

    /** A diagonal transform with the given scale factors and no translation. */
    public static Affine scaling(double sx, double sy, double sz) {
        double[] m = new double[16];
        m[0] = sx;
        m[5] = sy;
        m[10] = sz;
        m[15] = 1;
        return new Affine(m);
    }

    /** From 4 rows of 4 values (the last row must be 0 0 0 1) or 3 rows (the last row is implied). */
    public static Affine fromRows(double[][] rows) {
        if (rows.length != 3 && rows.length != 4) {
            throw new IllegalArgumentException("an affine needs 3 or 4 rows, got " + rows.length);
        }
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            if (rows[r].length != 4) {
                throw new IllegalArgumentException("affine row " + r + " has " + rows[r].length + " values, not 4");
            }
            System.arraycopy(rows[r], 0, m, 4 * r, 4);
        }
        m[15] = 1;
        return new Affine(m);
    }

    /** Element at row {@code r}, column {@code c} (0-based). */
    public double get(int r, int c) {
        return m[4 * r + c];
    }

    /** A copy as 4 rows of 4 values. */
    public double[][] toRows() {
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(m, 4 * r, rows[r], 0, 4);
        }
        return rows;
    }

    /** This transform applied after {@code other}: (this ∘ other)(x) = this(other(x)). */
    public Affine compose(Affine other) {
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += m[4 * r + k] * other.m[4 * k + c];
                }
                out[4 * r + c] = s;
            }
        }
        return new Affine(out);
    }

    /** The inverse transform; throws if the 3×3 part is singular. */
    public Affine inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], i = m[10];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalStateException("affine is singular (det = " + det + ")");
        }
        double[] r = new double[16];
        r[0] = (e * i - f * h) / det;
        r[1] = (c * h - b * i) / det;
        r[2] = (b * f - c * e) / det;
        r[4] = (f * g - d * i) / det;
        r[5] = (a * i - c * g) / det;
        r[6] = (c * d - a * f) / det;
        r[8] = (d * h - e * g) / det;
        r[9] = (b * g - a * h) / det;
        r[10] = (a * e - b * d) / det;
        for (int row = 0; row < 3; row++) {
            r[4 * row + 3] = -(r[4 * row] * m[3] + r[4 * row + 1] * m[7] + r[4 * row + 2] * m[11]);
        }
        r[15] = 1;
        return new Affine(r);
    }

    /** Maps a point (i, j, k) and returns (x, y, z). */
    public double[] apply(double[] p) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = m[4 * r] * p[0] + m[4 * r + 1] * p[1] + m[4 * r + 2] * p[2] + m[4 * r + 3];
        }
        return out;
    }

    /** Length of each column of the 3×3 part: the voxel size (mm) along each index axis. */
    public double[] columnNorms() {
        double[] n = new double[3];
        for (int c = 0; c < 3; c++) {
            n[c] = Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
        }
        return n;
    }

    /**
     * The orthogonal matrix nearest to a non-singular 3×3 matrix (its polar factor), by Newton's
     * iteration X ← (X + X⁻ᵀ)/2, which converges quadratically and keeps the sign of the determinant.
     * A singular matrix is returned unchanged.
     */
    public static double[][] nearestOrthogonal(double[][] m) {
        double[][] x = {m[0].clone(), m[1].clone(), m[2].clone()};
        for (int it = 0; it < 100; it++) {
            double d = det3(x);
            if (d == 0 || !Double.isFinite(d)) {
                return x;
            }
            double[][] next = new double[3][3];
            double change = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                    double invT = (x[i1][j1] * x[i2][j2] - x[i1][j2] * x[i2][j1]) / d; // cofactor/det = (X⁻¹)ᵀ
                    next[i][j] = 0.5 * (x[i][j] + invT);
                    change += Math.abs(next[i][j] - x[i][j]);
                }
            }
            x = next;
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    /** Determinant of a 3×3 matrix. */
    public static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** The 3×3 linear part, rows. */
    public double[][] linear() {
        return new double[][] {{m[0], m[1], m[2]}, {m[4], m[5], m[6]}, {m[8], m[9], m[10]}};
    }

    /** True when every element differs from {@code other}'s by at most {@code tolerance}. */
    public boolean approxEquals(Affine other, double tolerance) {
        for (int k = 0; k < 16; k++) {
            if (Math.abs(m[k] - other.m[k]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine a && Arrays.equals(m, a.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toRows());
    }
}
