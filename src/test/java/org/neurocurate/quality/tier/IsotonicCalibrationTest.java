package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IsotonicCalibrationTest {

    @Test
    void poolsAdjacentViolators() {
        IsotonicCalibration c = IsotonicCalibration.fit(new double[] {1, 2, 3, 4}, new boolean[] {false, true, false, true});
        // blocks {1} -> 0, {2,3} -> 0.5 at mean score 2.5, {4} -> 1
        assertArrayEquals(new double[] {1, 2.5, 4}, c.score());
        assertArrayEquals(new double[] {0, 0.5, 1}, c.probability());
        assertEquals(0.25, c.apply(1.75), 1e-7, "linear between knots; knots are float-rounded");
        assertEquals(1, c.apply(10), "clamped above the last knot");
    }

    @Test
    void mapIsMonotoneAndMatchesObservedRates() {
        Random r = new Random(5);
        int n = 2000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            y[i] = r.nextDouble() < s[i] * s[i]; // true probability s²: the raw score is miscalibrated
        }
        IsotonicCalibration c = IsotonicCalibration.fit(s, y);
        double prev = -1;
        for (double x = 0; x <= 1; x += 0.01) {
            assertTrue(c.apply(x) >= prev - 1e-12, "non-decreasing at " + x);
            prev = c.apply(x);
        }
        // 2000 draws: the binomial SD of a rate near 0.25 over ~150 scans in a block is ~0.035; 0.1 is ~3 SD
        assertEquals(0.25, c.apply(0.5), 0.1);
    }
}
