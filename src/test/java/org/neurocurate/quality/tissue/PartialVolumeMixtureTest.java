package org.neurocurate.quality.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The partial-volume mixture recovers the pure means of values drawn from its own model. */
class PartialVolumeMixtureTest {

    private static final double[] PURE = {40, 110, 250};
    private static final double NOISE = 5;

    /**
     * 40 000 values: pure CSF, GM, WM (weights 0.2, 0.1, 0.3) and CSF/GM, GM/WM mixtures with a uniform
     * fraction (0.2 each), plus Gaussian noise: the pure GM class forms a peak on the mixed plateaus, so
     * the search keeps it, and every mean is recovered to within the noise (the three-Gaussian fit this
     * replaced put its middle class on the partial-volume mass instead).
     */
    @Test
    void searchRecoversThePureMeansUnderPartialVolume() {
        float[] x = pureAndMixed(7, 0);
        PartialVolumeMixture m = PartialVolumeMixture.initial(x, true);
        m.search(x, 15);
        // one noise σ, far below the 70 and 140 gaps between the tissues
        assertEquals(PURE[0], m.mean[0], NOISE, "CSF");
        assertEquals(PURE[1], m.mean[1], NOISE, "GM");
        assertEquals(PURE[2], m.mean[2], NOISE, "WM");
        assertEquals(NOISE, m.sd, 1.5, "noise σ, to within the bin width and the midpoint-rule spread");
    }

    /**
     * A middle-tissue layer 0.8 voxel thick seen across its normal (voxel centre uniform over the layer
     * plus a voxel): fractions are linear ramps, so no voxel is pure middle tissue; the dark plateau
     * ends at 0.8 of the way to its mean, voxels wider than the layer hold all three tissues, and the
     * bright plateau starts at 0.8 of the way back. The plain model puts the middle mean at the dark
     * plateau's end (96 here); the ribbon model recovers it.
     */
    @Test
    void searchRecoversTheMiddleMeanOfALayerThinnerThanTheVoxel() {
        double ribbon = 0.8;
        Random random = new Random(11);
        float[] x = new float[40_000];
        for (int i = 0; i < x.length; i++) {
            double u = random.nextDouble();
            double mean;
            if (u < 0.5) {
                mean = u < 0.2 ? PURE[0] : PURE[2];
            } else {
                // voxel centre across the layer [0, ribbon], in voxel units, over one voxel more
                double c = -0.5 + random.nextDouble() * (ribbon + 1);
                double inside = clamp(0.5 + c);
                double beyond = clamp(0.5 + c - ribbon);
                mean = (1 - inside) * PURE[0] + (inside - beyond) * PURE[1] + beyond * PURE[2];
            }
            x[i] = (float) (mean + NOISE * random.nextGaussian());
        }
        PartialVolumeMixture m = PartialVolumeMixture.initial(x, true);
        m.search(x, 15);
        // two noise σ: the middle mean rests on where the plateaus end, not on a peak of its own
        assertEquals(PURE[1], m.mean[1], 2 * NOISE, "middle mean under a thin layer");
        assertEquals(ribbon, m.ribbon, 0.1, "ribbon fraction, to within two steps of the profile");
    }

    /**
     * 0.5 % of the values far above the brightest tissue (scalp voxels a brain mask may hold) are taken
     * by the outlier class: the shared σ stays at the noise, and the means stay put.
     */
    @Test
    void brightOutliersDoNotWidenTheTissueClasses() {
        float[] x = pureAndMixed(13, 0.005);
        PartialVolumeMixture m = PartialVolumeMixture.initial(x, true);
        m.search(x, 15);
        // as in the clean case: one σ for the means, the bin width and midpoint-rule spread for σ
        assertEquals(NOISE, m.sd, 1.5, "noise σ");
        assertEquals(PURE[2], m.mean[2], NOISE, "WM");
        // the injected 0.5 %, plus up to 1 % of tissue values in the tails of the mixture
        assertTrue(m.outlier >= 0.004 && m.outlier <= 0.015, "outlier weight " + m.outlier);
    }

    /**
     * A slab of fat in the mask: 10 % of the values 1.5–1.7 times the brightest tissue, as where a
     * thick-slice brain mask took in the face. Started from the mode of the brightest 30 % (white matter's peak),
     * the brightest class stays on the brightest tissue and the outlier class takes the fat; started from
     * the 95th percentile, which lies on the fat, the brightest class stays on the fat.
     */
    @Test
    void aSlabOfFatDoesNotTakeTheBrightestClass() {
        float[] x = pureAndMixed(17, 0);
        Random random = new Random(18);
        for (int i = 0; i < x.length / 10; i++) {
            x[i] = (float) (PURE[2] * (1.5 + 0.2 * random.nextDouble()) + NOISE * random.nextGaussian());
        }
        PartialVolumeMixture fromMode = PartialVolumeMixture.initial(x, true);
        fromMode.search(x, 15);
        assertEquals(PURE[2], fromMode.mean[2], NOISE, "WM from the brightest 30 %'s mode");
        assertEquals(PURE[1], fromMode.mean[1], 2 * NOISE, "GM from the brightest 30 %'s mode");
        PartialVolumeMixture fromPercentile = PartialVolumeMixture.initial(x, false);
        fromPercentile.search(x, 15);
        assertTrue(fromPercentile.mean[2] > 1.4 * PURE[2], "from the 95th percentile the brightest class sits on the fat: "
                + fromPercentile.mean[2]);
    }

    /**
     * 40 000 values: pure tissues (weights 0.2, 0.1, 0.3) and the two mixtures with a uniform fraction
     * (0.2 each), plus Gaussian noise; the first {@code outliers} of that probability (taken from the
     * darkest tissue's) are bright values 450–550 instead, far above every tissue.
     */
    private static float[] pureAndMixed(long seed, double outliers) {
        Random random = new Random(seed);
        float[] x = new float[40_000];
        for (int i = 0; i < x.length; i++) {
            double u = random.nextDouble();
            double a = random.nextDouble();
            double mean = u < outliers ? 450 + 100 * a : u < 0.2 ? PURE[0] : u < 0.3 ? PURE[1] : u < 0.6 ? PURE[2]
                    : u < 0.8 ? (1 - a) * PURE[0] + a * PURE[1] : (1 - a) * PURE[1] + a * PURE[2];
            x[i] = (float) (mean + NOISE * random.nextGaussian());
        }
        return x;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
