package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The numerical building blocks reproduce numpy, scipy and scikit-learn definitions. */
class NumericsTest {

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(200);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.floor(random.nextDouble() * 50);
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (double q : new double[] {0, 2, 5, 50, 95, 98, 99.95, 100}) {
                double idx = q / 100 * (n - 1);
                int lo = (int) Math.floor(idx);
                double expected = lo + 1 < n ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (idx - lo) : sorted[lo];
                assertEquals(expected, OrderStatistics.percentile(a.clone(), n, q), 1e-12, "q=" + q + ", n=" + n + "; lerp rounding only");
            }
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(median, OrderStatistics.median(a.clone(), n), 0);
        }
    }

    @Test
    void histogramNarrowedSelectionIsExactOnLargeSamplesWithTies() {
        // one pass task, and several (OrderStatistics.CHUNK values each)
        histogramNarrowedSelectionIsExact(300_001);
        histogramNarrowedSelectionIsExact(3 * (1 << 19) + 7);
    }

    private static void histogramNarrowedSelectionIsExact(int n) {
        Random random = new Random(12);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(5) == 0 ? 7.0 : Math.exp(3 * random.nextGaussian());
        }
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0, 5, 19.9, 50, 70, 95, 99.95, 100}) {
            double idx = q / 100 * (n - 1);
            int lo = (int) Math.floor(idx);
            double t = idx - lo;
            double expected = lo + 1 < n ? OrderStatistics.lerp(sorted[lo], sorted[lo + 1], t) : sorted[lo];
            assertEquals(expected, OrderStatistics.percentile(a.clone(), n, q), 0, "n=" + n + ", q=" + q + ": same order statistics");
        }
        double[] even = Arrays.copyOf(a, n - 1);
        double[] evenSorted = even.clone();
        Arrays.sort(evenSorted);
        int m = n - 1;
        assertEquals((evenSorted[m / 2 - 1] + evenSorted[m / 2]) / 2, OrderStatistics.median(even, m), 0, "even count: mean of the middle two");
    }

    @Test
    // the narrowing looped forever on such values before: in a thread of its own a regression fails, not hangs
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void selectionWithInfiniteValuesEnds() {
        Random random = new Random(3);
        int n = 200_000;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 1000 == 0 ? Double.POSITIVE_INFINITY : i % 1001 == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
        }
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int k : new int[] {0, 150, 1000, n / 2, n - 150, n - 1}) {
            assertEquals(sorted[k], OrderStatistics.select(a.clone(), 0, n, k), 0, "k=" + k);
        }
    }

    @Test
    void mt19937MatchesThePublishedReferenceSequence() {
        LegacyNumpyRandom r = new LegacyNumpyRandom(5489);
        assertEquals(3499211612L, r.nextUint32(), "mt19937ar.c, init_genrand(5489), first output");
        for (int i = 2; i < 10000; i++) {
            r.nextUint32();
        }
        assertEquals(4123659995L, r.nextUint32(), "C++ [rand.predef]: 10000th output of default mt19937");
    }

    @Test
    void indexDrawsMatchNumpyLegacyRandint() {
        // numpy 2.4: np.random.seed(1191935); np.random.randint(0, 265780, 5) (== np.random.choice(265780, 5))
        LegacyNumpyRandom r = new LegacyNumpyRandom(1191935);
        long[] got = new long[5];
        for (int i = 0; i < 5; i++) {
            got[i] = r.nextIndex(265780);
        }
        assertArrayEquals(new long[] {26676, 94202, 193492, 205724, 88963}, got);
    }

    @Test
    void binnedKdeAgreesWithTheDirectSum() {
        Random random = new Random(3);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 30 + 12 * random.nextGaussian();
        }
        double[] grid = Qi2Feature.linspace(0, 110, 1000);
        double[] kde = GaussianKde.evaluate(x, 4, grid);
        double max = Arrays.stream(kde).max().orElseThrow();
        for (int g = 0; g < grid.length; g += 37) {
            double direct = 0;
            for (double v : x) {
                direct += Math.exp(-0.5 * Math.pow((grid[g] - v) / 4, 2));
            }
            direct /= x.length * 4 * Math.sqrt(2 * Math.PI);
            assertEquals(direct, kde[g], 1e-5 * max, "linear binning at h/200: second-order error below 1e-5 of the peak");
        }
    }

    @Test
    void nelderMeadFindsTheRosenbrockMinimum() {
        double[] x = NelderMead.scipyDefaults().minimise(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2), new double[] {-1.2, 1});
        assertArrayEquals(new double[] {1, 1}, x, 1e-3, "fmin stops when the simplex is within xtol=1e-4; the valley allows 1e-3");
    }

    @Test
    void chi2FitNeverEndsAboveTheTrueParametersLikelihood() {
        Random random = new Random(5);
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < 6; k++) {
                double g = random.nextGaussian();
                s += g * g;
            }
            x[i] = 3 + 2 * s;
        }
        double[] p = Chi2Fit.fit(x, 32);
        double atFit = Chi2Fit.negativeLogLikelihood(x, p[0], p[1], p[2]);
        double atTruth = Chi2Fit.negativeLogLikelihood(x, 6, 3, 2);
        assertTrue(atFit <= atTruth + 1, "the fit is a likelihood maximum (1 nat slack for fmin's tolerance): " + atFit + " vs " + atTruth);
        assertEquals(6 * 2 + 3, p[0] * p[2] + p[1], 0.5, "fitted mean ν·scale + loc near the sample's 15 (sampling error ~0.04)");
    }

    /**
     * The objective sums log z as logs of products of z: it must equal the per-sample sum of scipy's
     * log-density, also with repeated values, a value whose z is below the products' range (1e-15),
     * values below the location (penalised) and one at it (finite only for ν = 2).
     */
    @Test
    void chi2ObjectiveEqualsTheDirectSumOfLogDensities() {
        Random random = new Random(11);
        double[] x = new double[5003];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 == 0 ? 40 : 200 * random.nextDouble();
        }
        x[1] = 1e-30;
        x[2] = 2;
        for (double[] p : new double[][] {{5, 0, 0.5}, {32, -3, 4}, {2, 0, 1}, {5, 2, 0.5}, {2, 2, 0.5}}) {
            double df = p[0];
            double loc = p[1];
            double scale = p[2];
            double direct = 0;
            for (double v : x) {
                double z = (v - loc) / scale;
                if (z > 0 || z == 0 && df == 2) {
                    double xlogy = df == 2 ? 0 : (df / 2 - 1) * Math.log(z);
                    direct -= xlogy - z / 2 - Gamma.logGamma(df / 2) - df / 2 * Math.log(2);
                } else {
                    direct += 100 * Math.log(Double.MAX_VALUE);
                }
                direct += Math.log(scale);
            }
            assertEquals(direct, Chi2Fit.negativeLogLikelihood(x, df, loc, scale), 1e-9 * Math.abs(direct),
                    "df " + df + " loc " + loc + " scale " + scale);
        }
    }

    @Test
    void chi2DensityIntegratesToOne() {
        double sum = 0;
        double dx = 0.001;
        for (double x = 0; x < 200; x += dx) {
            sum += Chi2Fit.pdf(x + dx / 2, 7.5, 1.5, 3) * dx;
        }
        assertEquals(1, sum, 1e-6, "midpoint rule with dx=1e-3 on a smooth density");
    }
}
