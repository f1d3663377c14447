package org.neurocurate.io.nifti;

import org.neurocurate.volume.Affine;

/**
 * The NIfTI qform parameters of an affine: quaternion (b, c, d), offsets, voxel sizes and qfac, as in
 * the NIfTI reference library's {@code nifti_mat44_to_quatern}. Shear cannot be expressed in a
 * qform; the nearest rotation (polar decomposition) is used and the exact affine goes in the sform.
 *
 * @param quatern (b, c, d)
 * @param offset  (qoffset_x, qoffset_y, qoffset_z) in mm
 * @param zooms   voxel sizes (mm): the column norms of the affine's 3×3 part
 * @param qfac    −1 when the affine flips handedness, else 1
 */
record QuaternionForm(double[] quatern, double[] offset, double[] zooms, double qfac) {

    static QuaternionForm of(Affine a) {
        double[] zooms = a.columnNorms();
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = zooms[j] == 0 ? (i == j ? 1 : 0) : a.get(i, j) / zooms[j];
            }
        }
        double qfac = 1;
        if (Affine.det3(r) < 0) {
            qfac = -1;
            for (int i = 0; i < 3; i++) {
                r[i][2] = -r[i][2];
            }
        }
        r = Affine.nearestOrthogonal(r);
        double[] q = quaternion(r);
        return new QuaternionForm(new double[] {q[1], q[2], q[3]},
                new double[] {a.get(0, 3), a.get(1, 3), a.get(2, 3)}, zooms, qfac);
    }

    /** Unit quaternion (a, b, c, d) with a ≥ 0 of a proper rotation matrix. */
    private static double[] quaternion(double[][] r) {
        double a = r[0][0] + r[1][1] + r[2][2] + 1;
        double b, c, d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                a = -a;
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {a, b, c, d};
    }
}
