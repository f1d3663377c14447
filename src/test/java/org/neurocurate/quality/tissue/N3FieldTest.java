package org.neurocurate.quality.tissue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.tier.RankMetrics;

/**
 * N3 on a 4 mm phantom: an ellipsoidal brain of three tissues (100 / 250 / 400, interleaved at a 15–25 mm
 * scale, so no tissue sits on one side of the field), Gaussian noise of 2 % of the brightest, times a
 * known smooth field.
 */
class N3FieldTest {

    private static final Grid3 G = new Grid3(40, 48, 36, new double[] {4, 4, 4});

    @Test
    void aFlatImageGetsANearlyFlatField() {
        double[] range = estimatedAndTrueRange(0);
        assertTrue(range[0] < 0.05, "range of the field on an unbiased image: " + range[0]);
    }

    @Test
    void theFieldFollowsTheTrueOneAndGrowsWithIt() {
        double previous = estimatedAndTrueRange(0)[0];
        for (double strength : new double[] {0.2, 0.4}) {
            double[] r = estimatedAndTrueRange(strength);
            assertTrue(r[2] > 0.95, "strength " + strength + ": rank correlation of the log fields " + r[2]);
            assertTrue(r[0] > 0.7 * r[1] && r[0] < 1.3 * r[1], "strength " + strength + ": range " + r[0] + " against " + r[1]);
            assertTrue(r[0] > previous, "range grows with the field: " + previous + " -> " + r[0]);
            previous = r[0];
        }
    }

    @Test
    void aLinearFieldIsFittedWholeByTheLattice() {
        int[] voxels = brain();
        double[] target = new double[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            double[] p = position(voxels[i]);
            target[i] = 0.3 * p[0] - 0.2 * p[1] + 0.1 * p[2];
        }
        BiasField f = new BiasField.LatticeFit(voxels, G, 24, 1).fit(target, null);
        double[] got = f.logAt(voxels, G);
        double shift = got[0] - target[0];
        for (int i = 0; i < voxels.length; i++) {
            assertTrue(Math.abs(got[i] - target[i] - shift) < 0.02, "voxel " + voxels[i] + ": " + got[i] + " against " + target[i]);
        }
        double[] sorted = got.clone();
        Arrays.sort(sorted);
        assertTrue(Math.abs(sorted[sorted.length / 2]) < 1e-9, "median of the log field is 0");
    }

    /** {estimated p95 − p5 of the field over the brain, the true one, Spearman ρ of the two log fields}. */
    private static double[] estimatedAndTrueRange(double strength) {
        int[] voxels = brain();
        float[] image = new float[G.size()];
        double[] truth = new double[voxels.length];
        Random random = new Random(7);
        for (int i = 0; i < voxels.length; i++) {
            double[] p = position(voxels[i]);
            double s = Math.sin(p[0] * 4.1 + 0.3) * Math.sin(p[1] * 3.3 + 1.1) * Math.sin(p[2] * 3.7 + 0.7);
            double tissue = s < -0.2 ? 100 : s < 0.25 ? 400 : 250;
            truth[i] = strength * (0.8 * p[0] + 0.6 * p[1] * p[1] - 0.5 * p[2] + 0.4 * p[0] * p[1]);
            image[voxels[i]] = (float) (tissue * Math.exp(truth[i]) + 8 * random.nextGaussian());
        }
        BiasField f = N3Field.estimate(image, voxels, G, N3Field.LATTICE_MM, N3Field.BENDING, N3Field.MAX_ITERATIONS);
        double[] got = f.logAt(voxels, G);
        return new double[] {range(got), range(truth), RankMetrics.spearman(got, truth)};
    }

    /** The brain: an ellipsoid filling 80 % of each half axis. */
    private static int[] brain() {
        return java.util.stream.IntStream.range(0, G.size()).filter(v -> {
            double[] p = position(v);
            return p[0] * p[0] + p[1] * p[1] + p[2] * p[2] < 0.64;
        }).toArray();
    }

    /** Voxel centre in [−1, 1] per axis. */
    private static double[] position(int v) {
        int x = v % G.nx();
        int y = (v / G.nx()) % G.ny();
        int z = v / (G.nx() * G.ny());
        return new double[] {2.0 * (x + 0.5) / G.nx() - 1, 2.0 * (y + 0.5) / G.ny() - 1, 2.0 * (z + 0.5) / G.nz() - 1};
    }

    /** p95 − p5 of exp(log field / its median). */
    private static double range(double[] logField) {
        double[] f = logField.clone();
        Arrays.sort(f);
        double median = f[f.length / 2];
        return Math.exp(f[(int) (0.95 * f.length)] - median) - Math.exp(f[(int) (0.05 * f.length)] - median);
    }
}
