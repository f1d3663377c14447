package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightedSummariesTest {

    @Test
    void quantileTakesFirstValueWhoseCumulativeWeightReachesTheTarget() {
        // weights 1,1,2 on 10,20,30: total 4; p=0.5 → target 2 hits W=2 exactly at value 20 → (20+30)/2;
        // p=0.05 → target 0.2 → first W ≥ 0.2 is 10; p=0.95 → 3.8 → 30.
        double[] q = WeightedSummaries.quantiles(new double[] {10, 20, 30}, new double[] {1, 1, 2},
                new double[] {0.05, 0.5, 0.95});
        assertArrayEquals(new double[] {10, 25, 30}, q, 0, "SAS definition 5 is exact arithmetic on these values");
    }

    @Test
    void allZeroWeightsGiveTheMeanOfTheTwoSmallestValuesAsStatsmodels() {
        double[] q = WeightedSummaries.quantiles(new double[] {0, 1, 7}, new double[] {0, 0, 0}, new double[] {0.5});
        assertEquals(0.5, q[0], 0, "target 0 hits cumulative weight 0 exactly at the first value");
    }

    @Test
    void tiesAreAggregatedBeforeTheQuantileIsTaken() {
        // image values 5,5,5,9 with weights 1 each: groups {5: 3, 9: 1}; median target 2 < 3 → 5.
        float[] image = {5, 5, 5, 9};
        float[][] maps = {{1, 1, 1, 1}};
        RegionSummary s = WeightedSummaries.compute(image, maps)[0];
        assertEquals(5, s.median(), 0);
        assertEquals(6, s.mean(), 0, "(5+5+5+9)/4");
        assertEquals(Math.sqrt(3.0), s.stdv(), 1e-4, "population std of 5,5,5,9 is sqrt(3); rounded to 4 decimals");
        assertEquals(4, s.n(), 0);
    }

    @Test
    void imageIsRoundedToIntegersAndWeightsToThreeDecimalsInFloat32() {
        float[] image = {1.4f, 2.6f};
        float[][] maps = {{0.0004f, 1f}};
        RegionSummary s = WeightedSummaries.compute(image, maps)[0];
        assertEquals(3, s.mean(), 0, "0.0004 rounds to weight 0, so only the value 2.6 → 3 counts");
        assertEquals(1.0004f, (float) s.n(), 1e-7, "n sums the unrounded map");
    }

    @Test
    void emptyRegionHasUndefinedMomentsLikeMriqc() {
        float[] image = {0, 3, 4};
        float[][] maps = {{0, 0, 0}};
        RegionSummary s = WeightedSummaries.compute(image, maps)[0];
        assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.stdv()) && Double.isNaN(s.k()) && Double.isNaN(s.mad()));
        assertEquals(0, s.n(), 0);
    }

    @Test
    void kurtosisOfAConstantSampleIsUndefined() {
        assertTrue(Double.isNaN(WeightedSummaries.kurtosis(new double[] {4, 4, 4, 4})));
        assertTrue(Double.isNaN(WeightedSummaries.kurtosis(new double[0])));
    }

    @Test
    void kurtosisIsFisherExcessWithBiasedMoments() {
        // x = -1, 1 (twice each): m2 = 1, m4 = 1 → 1/1 − 3 = −2.
        assertEquals(-2, WeightedSummaries.kurtosis(new double[] {-1, 1, -1, 1}), 1e-15, "double rounding only");
    }

    @Test
    void madIsTheNormalisedMedianDeviationAroundTheGivenCentre() {
        // |x − 10| = 1, 2, 4 → median 2 → 2 / 0.6744897501960817
        assertEquals(2 / 0.6744897501960817, OrderStatistics.mad(new double[] {9, 12, 14}, 10), 1e-15, "double rounding only");
    }

    @Test
    void roundingFollowsPythonOnTheExactBinaryValue() {
        assertEquals(0.1235, WeightedSummaries.round4(0.12345000001), 0);
        // 2.00005 is stored as 2.0000499999999999..., so Python's round gives 2.0, not 2.0001
        assertEquals(2.0, WeightedSummaries.round4(2.00005), 0);
        assertTrue(Double.isNaN(WeightedSummaries.round4(Double.NaN)));
    }

    @Test
    void float32RoundingMatchesNumpyRoundOnFloat32() {
        assertEquals(0.5f, WeightedSummaries.roundFloat32(0.4996f, 1000f), 0);
        assertEquals(0.002f, WeightedSummaries.roundFloat32(0.0025f, 1000f), 0, "2.5 rounds half to even in float32");
    }
}
