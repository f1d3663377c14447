package org.neurocurate.quality.iqm;

import java.util.Arrays;
import java.util.Objects;

/**
 * What MRIQC's {@code StructuralQC} receives, on one voxel grid (flat arrays, i fastest): the
 * (bias-corrected) image, the hard segmentation (0 bg, 1 CSF, 2 GM, 3 WM), the CSF/GM/WM
 * partial-volume maps (probabilities in [0, 1]), the head, air (hat without artifacts), artifact and
 * rotation masks, the bias field, the template tissue maps for {@code tpm_overlap_*} and the AFNI-style
 * smoothness in mm.
 *
 * @param dims          grid size along i, j, k (voxels)
 * @param spacing       voxel size along i, j, k (mm)
 * @param image         intensities; NaN and negatives are set to 0 by {@link IqmContext}, as MRIQC does
 * @param segmentation  hard labels 0–3
 * @param pvms          partial-volume maps in the order CSF, GM, WM
 * @param templateTpms  template probability maps CSF, GM, WM, or null (then {@code tpm_overlap_*} are NaN)
 * @param fwhmMm        smoothness along x, y, z in mm, or null (then {@code fwhm_*} are NaN)
 */
public record IqmInputs(int[] dims, double[] spacing, float[] image, byte[] segmentation, float[][] pvms,
        boolean[] headMask, boolean[] airMask, boolean[] artifactMask, boolean[] rotationMask, float[] bias,
        float[][] templateTpms, double[] fwhmMm) {

    public IqmInputs {
        if (dims == null || dims.length != 3 || spacing == null || spacing.length != 3) {
            throw new IllegalArgumentException("dims and spacing need three values each");
        }
        long n = (long) dims[0] * dims[1] * dims[2];
        require(image.length == n, "image", image.length, n);
        require(segmentation.length == n, "segmentation", segmentation.length, n);
        requireMaps(pvms, n, "partial-volume map");
        require(headMask.length == n, "head mask", headMask.length, n);
        require(airMask.length == n, "air mask", airMask.length, n);
        require(artifactMask.length == n, "artifact mask", artifactMask.length, n);
        require(rotationMask.length == n, "rotation mask", rotationMask.length, n);
        require(bias.length == n, "bias field", bias.length, n);
        if (templateTpms != null) {
            requireMaps(templateTpms, n, "template map");
        }
        if (fwhmMm != null && fwhmMm.length < 3) {
            throw new IllegalArgumentException("fwhm needs x, y, z values in mm, got " + Arrays.toString(fwhmMm));
        }
    }

    /** Number of voxels. */
    public int size() {
        return image.length;
    }

    private static void requireMaps(float[][] maps, long n, String what) {
        Objects.requireNonNull(maps, what);
        if (maps.length != 3) {
            throw new IllegalArgumentException("need CSF, GM and WM " + what + "s, got " + maps.length);
        }
        for (float[] m : maps) {
            require(m.length == n, what, m.length, n);
        }
    }

    private static void require(boolean ok, String what, long got, long expected) {
        if (!ok) {
            throw new IllegalArgumentException(what + " has " + got + " voxels, the image grid has " + expected);
        }
    }
}
