package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.neurocurate.artifact.Ghosting;
import org.neurocurate.quality.HeadPhantom;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.HeadMask;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.volume.Volume;

/**
 * gsr_x, gsr_y, gsr_z: the formula on a box with a planted ghost, and on generated 4 mm heads with
 * Rician noise (1 % of the maximum) ghosted along each axis by the generator's k-space ghosting.
 */
class GhostToSignalTest {

    private static final int N = 20;

    private static int at(int i, int j, int k) {
        return i + N * (j + N * k);
    }

    /** Fills {@code image} with air of value 1 and a head box i, k in [5, 15), j in [2, 8) of 100; returns the box. */
    private static boolean[] boxHead(float[] image) {
        boolean[] head = new boolean[image.length];
        java.util.Arrays.fill(image, 1f);
        for (int k = 5; k < 15; k++) {
            for (int j = 2; j < 8; j++) {
                for (int i = 5; i < 15; i++) {
                    image[at(i, j, k)] = 100;
                    head[at(i, j, k)] = true;
                }
            }
        }
        return head;
    }

    /**
     * A 20³ grid: a head box i, k in [5, 15), j in [2, 8) of value 100, air of value 1, and a ghost of
     * value 11 exactly where the head lands when rolled by 10 voxels along j. Along j the ghost region
     * holds the ghost alone: gsr_y = (11 − 1) / 100. Along i and k the rolled head falls back on the
     * head's own rows beyond the grid's wrap, so the ghost region is the air beside the head in i
     * (resp. k) whose j rows the head spans; the planted ghost lies in the non-ghost region there.
     */
    @Test
    void followsTheFormulaOnAPlantedGhost() {
        float[] image = new float[N * N * N];
        boolean[] head = boxHead(image);
        for (int v = 0; v < image.length; v++) {
            if (head[v]) {
                image[v + 10 * N] = 11;
            }
        }
        double[] gsr = GhostToSignal.compute(image, head, null, new int[] {N, N, N});
        assertEquals(0.1, gsr[1], 1e-12, "gsr_y");
        // along i: rolled by 10, the head's i range [5, 15) goes to [15, 20) and [0, 5): 10 columns
        // beside it, all air of value 1 (j in [2, 8)); the non-ghost region holds the 600-voxel ghost
        double ghost = 1;
        long otherCount = N * N * N - 600 - 600;
        double other = (otherCount - 600 + 600 * 11.0) / otherCount;
        assertEquals((ghost - other) / 100, gsr[0], 1e-9, "gsr_x");
        assertEquals((ghost - other) / 100, gsr[2], 1e-9, "gsr_z");
    }

    @Test
    void excludedVoxelsBelongToNeitherRegion() {
        float[] image = new float[N * N * N];
        boolean[] head = boxHead(image);
        boolean[] excluded = new boolean[image.length];
        // a zeroed slab (as a removed face) outside the ghost region of j: without the exclusion it
        // lowers the non-ghost mean and reads as a ghost
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < 3; i++) {
                    if (!head[at(i, j, k)]) {
                        image[at(i, j, k)] = 0;
                        excluded[at(i, j, k)] = true;
                    }
                }
            }
        }
        int[] dims = {N, N, N};
        assertTrue(GhostToSignal.compute(image, head, null, dims)[1] > 0.001, "the zeros read as a ghost");
        assertEquals(0, GhostToSignal.compute(image, head, excluded, dims)[1], 1e-12, "excluded: no ghost");
    }

    /**
     * Ghosts of amplitude up to a fifth of the head (the generator's n = 2 at severity 0.4): stronger
     * ones pass the head mask's threshold and join the head, which leaves the measure nothing to read.
     */
    @Test
    void growsWithGhostingOnItsAxisAndStaysSmallOnCleanScans() {
        for (long seed = 1; seed <= 2; seed++) {
            Volume clean = SubjectGenerator.generate(seed, 4).image(Contrast.T1W);
            for (int axis = 0; axis < 3; axis++) {
                double previous = Double.NEGATIVE_INFINITY;
                StringBuilder seen = new StringBuilder();
                for (double severity : new double[] {0, 0.1, 0.2, 0.3, 0.4}) {
                    double[] gsr = ghosted(clean, axis, 2, severity, seed);
                    seen.append(String.format(Locale.ROOT, " %.1f->[%.4f %.4f %.4f]", severity, gsr[0], gsr[1],
                            gsr[2]));
                    if (severity == 0) {
                        for (double v : gsr) {
                            // generated 3 mm cohort: clean scans at most 0.008
                            assertTrue(Math.abs(v) < 0.015, "clean scan, seed " + seed + ":" + seen);
                        }
                    } else {
                        assertTrue(gsr[axis] > previous,
                                "seed " + seed + ", axis " + axis + ": not increasing:" + seen);
                        for (int other = 0; other < 3; other++) {
                            assertTrue(other == axis || gsr[axis] > gsr[other] + 0.01,
                                    "seed " + seed + ", axis " + axis + ": not the largest:" + seen);
                        }
                    }
                    previous = gsr[axis];
                }
                assertTrue(previous > 0.1, "seed " + seed + ", axis " + axis + ": severity 0.4:" + seen);
            }
        }
    }

    /** Ghosts a third and a quarter of the field of view apart overlap the region half of it away. */
    @Test
    void seesGhostsAtAThirdAndAQuarterOfTheFieldOfView() {
        Volume clean = SubjectGenerator.generate(3, 4).image(Contrast.T1W);
        for (int ghosts = 3; ghosts <= 4; ghosts++) {
            for (int axis = 0; axis < 3; axis++) {
                double[] gsr = ghosted(clean, axis, ghosts, 0.4, 3);
                for (int other = 0; other < 3; other++) {
                    assertTrue(gsr[axis] > 0.02 && (other == axis || gsr[axis] > gsr[other] + 0.01),
                            "n " + ghosts + ", axis " + axis + ": " + java.util.Arrays.toString(gsr));
                }
            }
        }
    }

    @Test
    void regionsAreMeasuredAgainstTheVoxelsNotExcluded() {
        // a 2x2x2 head whose ghost along j is 8 voxels, 0.1 % of the grid: too few to measure, until all
        // but the 2x20x2 column through the head is excluded (as a zeroed background would be)
        float[] image = new float[N * N * N];
        boolean[] head = new boolean[image.length];
        boolean[] excluded = new boolean[image.length];
        java.util.Arrays.fill(image, 1f);
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    excluded[at(i, j, k)] = i >= 2 || k >= 2;
                    if (!excluded[at(i, j, k)] && j < 2) {
                        head[at(i, j, k)] = true;
                        image[at(i, j, k)] = 100;
                        image[at(i, j + N / 2, k)] = 11;
                    }
                }
            }
        }
        int[] dims = {N, N, N};
        assertTrue(Double.isNaN(GhostToSignal.compute(image, head, null, dims)[1]));
        assertEquals(0.1, GhostToSignal.compute(image, head, excluded, dims)[1], 1e-12);
    }

    @Test
    void undefinedWithoutAHeadOrABackgroundAndMismatchedSizesAreRefused() {
        int[] dims = {N, N, N};
        double[] none = GhostToSignal.compute(new float[N * N * N], new boolean[N * N * N], null, dims);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]) && Double.isNaN(none[2]));
        // a head filling all but a sliver of the grid: under 1 % of it left for either region
        float[] image = new float[N * N * N];
        boolean[] head = new boolean[image.length];
        java.util.Arrays.fill(image, 5f);
        java.util.Arrays.fill(head, true);
        for (int v = 0; v < 50; v++) {
            head[v] = false;
        }
        double[] full = GhostToSignal.compute(image, head, null, dims);
        assertTrue(Double.isNaN(full[0]) && Double.isNaN(full[1]) && Double.isNaN(full[2]));
        assertThrows(IllegalArgumentException.class,
                () -> GhostToSignal.compute(new float[8], new boolean[7], null, new int[] {2, 2, 2}));
    }

    private static double[] ghosted(Volume clean, int axis, int ghosts, double severity, long seed) {
        Ghosting.Params p = new Ghosting.Params(severity, axis, ghosts, severity);
        return measure(HeadPhantom.withRicianNoise(new Ghosting().apply(clean, p), 0.01, seed));
    }

    private static double[] measure(Volume v) {
        long[] d = v.dimensions();
        int[] dims = {(int) d[0], (int) d[1], (int) d[2]};
        float[] image = v.toFloatArray();
        boolean[] head = HeadMask.compute(image, new Grid3(dims[0], dims[1], dims[2], v.spacing()));
        return GhostToSignal.compute(image, head, null, dims);
    }
}
