package org.neurocurate.learn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RidgeProbeTest {

    @Test
    void recoversALinearRelationWithSmallRidge() {
        Random r = new Random(1);
        double[][] x = new double[60][3];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = 50 + 10 * x[i][0] - 5 * x[i][2];
        }
        RidgeProbe p = RidgeProbe.fit(x, y, 1e-8);
        // noiseless data and λ·n = 6e-7: the fit is exact up to the ridge shrinkage (~1e-8 relative)
        assertEquals(50 + 10 * 0.3 - 5 * -1.2, p.predict(new double[] {0.3, 7, -1.2}), 1e-5);
        assertTrue(RidgeProbe.crossValidatedMae(x, y, 1e-8, 5, 3) < 1e-5);
    }

    /**
     * A feature that was almost constant in training (a ReLU unit that fired once, faintly: 0 on 49 rows,
     * 1e-5 on one) and fires fully on a new row: clamped to its training range widened by its width,
     * [−1e-5, 2e-5], its effect is at most twice what its largest training value had; standardised as
     * it came, 0.1 lay 10⁴ training SDs out.
     */
    @Test
    void aFeatureFarBeyondItsTrainingRangeIsClamped() {
        Random r = new Random(4);
        double[][] x = new double[50][2];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i][0] = r.nextGaussian();
            y[i] = 40 + 10 * x[i][0] + r.nextGaussian();
        }
        x[7][1] = 1e-5;
        y[7] += 5;
        RidgeProbe p = RidgeProbe.fit(x, y, 0.01);
        double quiet = p.predict(new double[] {0.5, 0});
        double atMax = p.predict(new double[] {0.5, 1e-5}) - quiet;
        assertTrue(atMax > 0.1, "the rare feature carries the outlier's offset: " + atMax);
        assertEquals(2 * atMax, p.predict(new double[] {0.5, 0.1}) - quiet, 1e-9);
        assertEquals(-atMax, p.predict(new double[] {0.5, -3}) - quiet, 1e-9);
        assertEquals(1.5 * atMax, p.predict(new double[] {0.5, 1.5e-5}) - quiet, 1e-9, "inside the widened range: linear");
    }

    @Test
    void noiseFeaturesDoNoBetterThanPredictingTheMean() {
        Random r = new Random(2);
        double[][] x = new double[80][4];
        double[] y = new double[80];
        double mean = 0;
        for (int i = 0; i < 80; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = 20 + 60 * r.nextDouble();
            mean += y[i] / 80;
        }
        double meanMae = 0;
        for (double v : y) {
            meanMae += Math.abs(v - mean) / 80;
        }
        double mae = RidgeProbe.crossValidatedMae(x, y, 1.0, 5, 3);
        // out-of-fold predictions from noise are no better than the mean (15 years for U(20, 80));
        // 10 % slack for the fold means differing from the overall mean
        assertTrue(mae > 0.9 * meanMae, mae + " vs " + meanMae);
    }
}
