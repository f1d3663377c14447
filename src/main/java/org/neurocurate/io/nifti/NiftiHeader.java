package org.neurocurate.io.nifti;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.neurocurate.volume.Affine;
import org.neurocurate.volume.SourceHeader;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header, as read (after the same fixes nibabel applies on load:
 * negative pixdims made positive, a qfac other than ±1 taken as 1).
 *
 * @param version     1 or 2
 * @param byteOrder   byte order of the file
 * @param singleFile  true for .nii (magic n+1/n+2), false for .hdr/.img pairs (ni1/ni2)
 * @param dim         dim[0..7]: dim[0] is the number of dimensions
 * @param pixdim      pixdim[0..7]: pixdim[0] is qfac, pixdim[1..3] the voxel size
 * @param datatypeCode the raw datatype code (supported codes map to {@link NiftiDatatype})
 * @param quatern     quatern_b, quatern_c, quatern_d
 * @param qoffset     qoffset_x, qoffset_y, qoffset_z (mm)
 * @param srow        srow_x, srow_y, srow_z (3 rows of 4)
 * @param intentP     intent_p1..3
 */
public record NiftiHeader(
        int version, ByteOrder byteOrder, boolean singleFile,
        long[] dim, double[] pixdim, int datatypeCode, int bitpix, long voxOffset,
        double sclSlope, double sclInter,
        int qformCode, int sformCode, double[] quatern, double[] qoffset, double[][] srow,
        int xyztUnits, int intentCode, double[] intentP, String intentName,
        String descrip, String auxFile, int dimInfo,
        int sliceCode, long sliceStart, long sliceEnd, double sliceDuration, double toffset,
        double calMin, double calMax) implements SourceHeader {

    /** Size in bytes of the NIfTI-1 header. */
    public static final int NIFTI1_SIZE = 348;
    /** Size in bytes of the NIfTI-2 header. */
    public static final int NIFTI2_SIZE = 540;

    @Override
    public String format() {
        return "NIfTI-" + version;
    }

    /** Sizes along the image axes: dim[1..dim[0]]. */
    public long[] shape() {
        return Arrays.copyOfRange(dim, 1, 1 + (int) dim[0]);
    }

    /** Voxel sizes along the image axes: pixdim[1..dim[0]] (nibabel's {@code get_zooms()}). */
    public double[] zooms() {
        return Arrays.copyOfRange(pixdim, 1, 1 + (int) dim[0]);
    }

    /**
     * The scaling nibabel applies: (scl_slope, scl_inter), or (1, 0) when the slope is 0 or not finite.
     *
     * @return {slope, inter}
     */
    public double[] effectiveScaling() {
        if (sclSlope == 0 || !Double.isFinite(sclSlope)) {
            return new double[] {1, 0};
        }
        return new double[] {sclSlope, sclInter};
    }

    /**
     * The voxel-to-world affine with nibabel's precedence: sform if sform_code &gt; 0, else qform if
     * qform_code &gt; 0, else the pixdim-only fall-back ({@code get_base_affine}).
     */
    public Affine bestAffine() {
        if (sformCode != 0) {
            return sformAffine();
        }
        if (qformCode != 0) {
            return qformAffine();
        }
        return baseAffine();
    }

    /** The sform: the three srow rows. */
    public Affine sformAffine() {
        return Affine.fromRows(srow);
    }

    /**
     * The qform: rotation from the unit quaternion (b, c, d, a = √(1 − b² − c² − d²)), times
     * diag(pixdim[1], pixdim[2], qfac · pixdim[3]), plus (qoffset_x, y, z). NIfTI-1 standard, method 2.
     */
    public Affine qformAffine() {
        double b = quatern[0], c = quatern[1], d = quatern[2];
        double w2 = 1.0 - (b * b + c * c + d * d);
        // w² slightly below 0 is rounding (nibabel's threshold); further below, (b, c, d) is not part of a
        // unit quaternion and is normalised by the 2/|q|² factor below, as the NIfTI reference code does.
        double a = w2 > 0 ? Math.sqrt(w2) : 0;
        double nq = a * a + b * b + c * c + d * d;
        double[][] r = nq < Math.ulp(1.0) ? new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} : rotation(a, b, c, d, 2 / nq);
        double qfac = pixdim[0] == -1 ? -1 : 1;
        double[] zoom = {pixdim[1], pixdim[2], pixdim[3] * qfac};
        double[][] rows = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = r[i][j] * zoom[j];
            }
            rows[i][3] = qoffset[i];
        }
        return Affine.fromRows(rows);
    }

    /** Rotation matrix of quaternion (a, b, c, d) with s = 2/|q|² (nibabel's {@code quat2mat}). */
    private static double[][] rotation(double a, double b, double c, double d, double s) {
        double x = b * s, y = c * s, z = d * s;
        double wx = a * x, wy = a * y, wz = a * z;
        double xx = b * x, xy = b * y, xz = b * z;
        double yy = c * y, yz = c * z, zz = d * z;
        return new double[][] {
            {1.0 - (yy + zz), xy - wz, xz + wy},
            {xy + wz, 1.0 - (xx + zz), yz - wx},
            {xz - wy, yz + wx, 1.0 - (xx + yy)}};
    }

    /**
     * The fall-back affine from the shape and zooms alone (nibabel's {@code shape_zoom_affine} with
     * x flipped): diag(−z₀, z₁, z₂) with the array centre at the world origin.
     */
    public Affine baseAffine() {
        long[] shape = shape();
        double[] zooms = zooms();
        double[] s = {1, 1, 1};
        double[] z = {1, 1, 1};
        for (int i = 0; i < Math.min(3, shape.length); i++) {
            s[i] = shape[i];
            z[i] = zooms[i];
        }
        z[0] = -z[0];
        double[][] rows = new double[3][4];
        for (int i = 0; i < 3; i++) {
            rows[i][i] = z[i];
            rows[i][3] = -(s[i] - 1) / 2.0 * z[i];
        }
        return Affine.fromRows(rows);
    }
}
