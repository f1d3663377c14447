package org.neurocurate.quality.iqm;

import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code gsr_x}, {@code gsr_y}, {@code gsr_z}: ghost-to-signal ratios along the image's three voxel
 * axes (i, j, k), NeuroCurate's measure of N/2 ghosting for structural scans. MRIQC computes
 * {@code gsr_x} and {@code gsr_y} for functional images only (Giannelli et al., J Appl Clin Med Phys
 * 11(4):3237, 2010; MRIQC's {@code mriqc.qc.functional.gsr}); its structural IQMs see ghosts only
 * through efc, fber and qi_1, which motion, noise and defacing move as well, and say nothing of the
 * axis. Ghosts from phase errors that alternate between k-space lines lie half a field of view away
 * along the phase-encoding axis, so the axis with the largest ratio names it.
 *
 * <p>Definition, MRIQC's with the head mask where it takes the (functional) brain mask, on the raw
 * image: along axis a with N voxels, the ghost region is the head mask rolled by ⌊N/2⌋ voxels
 * ({@code numpy.roll}: voxel c goes to c + ⌊N/2⌋ mod N) minus the head; the non-ghost region is
 * every other voxel outside the head;
 * <pre>
 *   gsr_a = (mean over ghost − mean over non-ghost) / median over the head
 * </pre>
 * Voxels of {@code excluded} (zero padding from reslicing, a zeroed face) belong to neither region:
 * they hold no noise, and in the non-ghost region they would lower its mean, which reads as a ghost.
 * A region smaller than {@link #MIN_REGION} of the voxels outside {@code excluded} gives NaN: where the
 * head mask fills the field of view (very noisy scans, whose air it takes in), the few voxels left are
 * the edges of the head and of a zeroed face, not background (two defaced 3 mm scans with Rician noise
 * of severity 0.56–0.57 read 0.16 and 0.20 along i, with 904 non-ghost voxels of 179,776 left on one).
 * Not of the whole grid: a real FLAIR (../shared/data/nifti) whose background is zero but for a shell
 * around the head keeps 0.8–1.0 % of the grid in each ghost region, 2.0–2.5 % of what is not excluded,
 * and reads −0.014 to 0.013.
 *
 * <p>Measured on a generated 3 mm cohort (seed 41, 80 scans): clean scans at most 0.008 on every axis
 * (blurring and ringing up to 0.03), ghosting of severity 0.16–0.65 0.05–0.30 on its axis, motion
 * 0.05–0.09 (motion ghosts along the phase-encoding axis too). A ghost lowers the ratios of the other
 * axes a little (it lies in their non-ghost regions): −0.01 to −0.05.
 *
 * <p>Limit: ghosts brighter than about a fifth of the head's signal pass the head mask's threshold and
 * join the head, leaving less or nothing to measure. On generated 4 mm heads the generator's ghosts
 * (copies at a/n of the head, every N/n voxels) read 0.02–0.04 at severity a = 0.1 and 0.20–0.29 at
 * 0.4 on their axis, for n = 2, 3 and 4, rising with a up to there; beyond it n = 2 along k gave NaN at
 * 0.5 and n = 3 fell back to 0.05–0.15 at 0.6. efc, fber and qi_1 see such ghosts (the head mask, the
 * air and the hat change with them).
 */
public final class GhostToSignal {

    /** The IQMs' keys, for axes i, j and k. */
    public static final List<String> KEYS = List.of("gsr_x", "gsr_y", "gsr_z");

    /** Smallest share of the grid's voxels outside the excluded ones a ghost or non-ghost region must hold. */
    static final double MIN_REGION = 0.01;

    private GhostToSignal() {
    }

    /**
     * The three ratios of one image (NaN where undefined: no head, a head of median 0, or a region
     * under {@link #MIN_REGION} of the voxels not excluded).
     *
     * @param image    raw intensities, i fastest
     * @param head     head mask on the same grid
     * @param excluded voxels outside both regions (zero padding, a removed face); may be null
     * @param dims     grid size along i, j, k (voxels)
     */
    public static double[] compute(float[] image, boolean[] head, boolean[] excluded, int[] dims) {
        if (image.length != head.length || excluded != null && excluded.length != image.length
                || (long) dims[0] * dims[1] * dims[2] != image.length) {
            throw new IllegalArgumentException("image, masks and grid " + dims[0] + "x" + dims[1] + "x" + dims[2]
                    + " disagree in size");
        }
        double[] inside = OrderStatistics.valuesIn(image, head);
        double signal = OrderStatistics.median(inside, inside.length);
        if (!(signal > 0)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        long measurable = image.length;
        if (excluded != null) {
            for (boolean e : excluded) {
                measurable -= e ? 1 : 0;
            }
        }
        double least = MIN_REGION * measurable;
        return IntStream.range(0, 3).parallel()
                .mapToDouble(axis -> ratio(image, head, excluded, dims, axis, signal, least)).toArray();
    }

    /** One axis's ratio; NaN when either region holds fewer than {@code least} voxels. */
    private static double ratio(float[] image, boolean[] head, boolean[] excluded, int[] dims, int axis, double signal,
            double least) {
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int size = dims[axis];
        int shift = size / 2;
        double ghostSum = 0;
        double otherSum = 0;
        long ghost = 0;
        long other = 0;
        for (int k = 0, v = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++, v++) {
                    if (head[v] || excluded != null && excluded[v]) {
                        continue;
                    }
                    int c = axis == 0 ? i : axis == 1 ? j : k;
                    // the voxel the roll moved here: c - shift (mod size)
                    int from = c >= shift ? c - shift : c - shift + size;
                    if (head[v + (from - c) * stride[axis]]) {
                        ghostSum += image[v];
                        ghost++;
                    } else {
                        otherSum += image[v];
                        other++;
                    }
                }
            }
        }
        if (ghost < least || other < least) {
            return Double.NaN;
        }
        return (ghostSum / ghost - otherSum / other) / signal;
    }
}
