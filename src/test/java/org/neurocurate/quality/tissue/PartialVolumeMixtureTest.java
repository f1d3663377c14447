package org.neurocurate.quality.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Random random = new Random(7);
        float[] x = new float[40_000];
        for (int i = 0; i < x.length; i++) {
            double u = random.nextDouble();
            double a = random.nextDouble();
            double mean = u < 0.2 ? PURE[0] : u < 0.3 ? PURE[1] : u < 0.6 ? PURE[2]
                    : u < 0.8 ? (1 - a) * PURE[0] + a * PURE[1] : (1 - a) * PURE[1] + a * PURE[2];
            x[i] = (float) (mean + NOISE * random.nextGaussian());
        }
        PartialVolumeMixture m = PartialVolumeMixture.initial(x);
        m.search(x, 15);
        // one noise σ, far below the 70 and 140 gaps between the tissues
        assertEquals(PURE[0], m.mean[0], NOISE, "CSF");
        assertEquals(PURE[1], m.mean[1], NOISE, "GM");
        assertEquals(PURE[2], m.mean[2], NOISE, "WM");
        assertEquals(NOISE, m.sd, 1.5, "noise σ, to within the bin width and the midpoint-rule spread");
    }
}
