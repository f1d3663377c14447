package org.neurocurate.quality.iqm;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood fit of a χ² distribution with free degrees of freedom, location and scale,
 * reproducing {@code scipy.stats.chi2.fit(data, df0)} as MRIQC's {@code art_qi2} calls it.
 *
 * <p>Model: pdf(x) = f((x − loc)/scale; ν)/scale with f(z; ν) = z<sup>ν/2−1</sup> e<sup>−z/2</sup> /
 * (2<sup>ν/2</sup> Γ(ν/2)). Objective (scipy's penalised negative log-likelihood):
 * −Σ<sub>good</sub> log f(z<sub>i</sub>) + n·log(scale) + n<sub>bad</sub>·100·log(DBL_MAX), where a
 * sample is bad when z &lt; 0 or its log-density is not finite. Start (scipy's {@code _fitstart} with
 * the shape set to 1 for the location/scale guess): loc = mean − √(var/2), scale = √(var/2) if that
 * support covers the data, else loc = min − 0.1·(max − min), scale = 1; ν starts at {@code df0}.
 * Minimised with {@link NelderMead} (scipy {@code fmin} defaults).
 *
 * <p>Samples are collapsed to distinct values with multiplicities; the one sum that needs a pass over
 * them runs over fixed chunks in parallel and adds the chunk totals in chunk order, so the result does
 * not depend on the number of threads.
 */
final class Chi2Fit {

    /** scipy's {@code _LOGXMAX}: log of the largest double. */
    private static final double LOG_XMAX = Math.log(Double.MAX_VALUE);
    private static final double LOG2 = Math.log(2);
    private static final int CHUNKS = 16;
    /**
     * Factors per logarithm in {@link #logSum} (a multiple of its four running products), and the range
     * of differences that may enter a product.
     */
    private static final int PRODUCT_FACTORS = 16;
    private static final double PRODUCT_MIN = 1e-15;
    private static final double PRODUCT_MAX = 1e15;

    private Chi2Fit() {
    }

    /** Fitted {ν, loc, scale}. */
    static double[] fit(double[] data, double df0) {
        double[] start = locScaleStart(data);
        double[] x0 = {df0, start[0], start[1]};
        Samples samples = Samples.of(data);
        return NelderMead.scipyDefaults().minimise(p -> negativeLogLikelihood(samples, p[0], p[1], p[2]), x0);
    }

    /** χ²(ν, loc, scale) density at x; 0 outside the support. */
    static double pdf(double x, double df, double loc, double scale) {
        double z = (x - loc) / scale;
        if (!(df > 0) || !(scale > 0) || z < 0) {
            return 0;
        }
        return Math.exp(logDensity(z, df, Gamma.logGamma(df / 2))) / scale;
    }

    /** scipy's loc/scale starting guess (method of moments for shape 1, moved left of the data if needed). */
    static double[] locScaleStart(double[] data) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / data.length;
        double squares = 0;
        for (double v : data) {
            squares += (v - mean) * (v - mean);
        }
        double scale = Math.sqrt(squares / data.length / 2.0);
        double loc = mean - scale;
        if (!Double.isFinite(loc)) {
            loc = 0;
        }
        if (!(Double.isFinite(scale) && scale > 0)) {
            scale = 1;
        }
        if (loc < min) {
            return new double[] {loc, scale};
        }
        return new double[] {min - 0.1 * (max - min), 1};
    }

    static double negativeLogLikelihood(double[] data, double df, double loc, double scale) {
        return negativeLogLikelihood(Samples.of(data), df, loc, scale);
    }

    /**
     * The penalised objective over (value, multiplicity) pairs. For z &gt; 0 the log-density is finite,
     * so the sum splits into (ν/2 − 1)·Σ log z − Σ z/2 − n<sub>good</sub>·(lnΓ(ν/2) + ν ln2/2); z = 0 is
     * finite only when ν = 2, and z &lt; 0 is outside the support. With the values sorted, the samples
     * above the location are a suffix: their count and Σ z come from suffix sums, and Σ log z =
     * Σ log(x − loc) − n<sub>good</sub>·log(scale), of which only the first sum needs a pass over the
     * samples ({@link #logSum}).
     */
    static double negativeLogLikelihood(Samples s, double df, double loc, double scale) {
        if (!(df > 0) || !(scale > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double a = df / 2.0 - 1;
        int above = firstAbove(s.values, loc);
        double good = s.countFrom[above];
        double zSum = (s.sumFrom[above] - loc * good) / scale;
        double atLoc = a == 0 && above > 0 && s.values[above - 1] == loc ? s.counts[above - 1] : 0;
        double bad = s.total - good - atLoc;
        double logSum = a == 0 || good == 0 ? 0 : logSum(s, loc) - good * Math.log(scale);
        double total = a * logSum - zSum / 2.0 - (good + atLoc) * (Gamma.logGamma(df / 2) + LOG2 * df / 2.0);
        return -total + bad * LOG_XMAX * 100 + s.total * Math.log(scale);
    }

    /**
     * Σ w·log(x − loc) over the samples above {@code loc}: repeated values one logarithm each times
     * their count, single values as the logarithm of products of {@link #PRODUCT_FACTORS} differences
     * (the logarithms were most of qi_2's cost: about 300,000 per evaluation, up to 600 evaluations per
     * fit). Differences outside [{@link #PRODUCT_MIN}, {@link #PRODUCT_MAX}] (a prefix and a suffix of
     * the sorted singles) take their own logarithm, so a product stays within 10<sup>±240</sup>. The
     * singles are summed in fixed chunks in parallel, added in chunk order.
     */
    private static double logSum(Samples s, double loc) {
        double sum = 0;
        for (int i = firstAbove(s.repeated, loc); i < s.repeated.length; i++) {
            sum += s.repeatCounts[i] * Math.log(s.repeated[i] - loc);
        }
        double[] x = s.singles;
        int from = firstAbove(x, loc);
        int to = x.length;
        while (from < to && x[from] - loc < PRODUCT_MIN) {
            sum += Math.log(x[from++] - loc);
        }
        while (to > from && x[to - 1] - loc > PRODUCT_MAX) {
            sum += Math.log(x[--to] - loc);
        }
        int first = from;
        int n = to - from;
        List<double[]> partial = ParallelRanges.byCount(n, CHUNKS, (lo, hi) -> {
            double part = 0;
            int i = first + lo;
            int end = first + hi;
            for (; i + PRODUCT_FACTORS <= end; i += PRODUCT_FACTORS) {
                double p0 = 1;
                double p1 = 1;
                double p2 = 1;
                double p3 = 1;
                for (int k = i; k < i + PRODUCT_FACTORS; k += 4) {
                    p0 *= x[k] - loc;
                    p1 *= x[k + 1] - loc;
                    p2 *= x[k + 2] - loc;
                    p3 *= x[k + 3] - loc;
                }
                part += Math.log(p0 * p1 * (p2 * p3));
            }
            double p = 1;
            for (; i < end; i++) {
                p *= x[i] - loc;
            }
            return new double[] {part + Math.log(p)};
        });
        for (double[] p : partial) {
            sum += p[0];
        }
        return sum;
    }

    /**
     * The first index whose value exceeds {@code loc} in an ascending array of distinct values (its
     * length if none does). {@code loc + 0.0} turns −0 into +0, which {@link Arrays#binarySearch} would
     * order below a sample at 0.
     */
    private static int firstAbove(double[] sorted, double loc) {
        int i = Arrays.binarySearch(sorted, loc + 0.0);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Distinct sample values, ascending, with their multiplicities (integer-valued scans repeat values
     * a lot) and suffix sums of count and count·value; the values also split into those seen once and
     * those repeated.
     */
    static final class Samples {
        final double[] values;
        final double[] counts;
        final double total;
        /** Σ count over values[i..], Σ count·value over values[i..]; one longer than values. */
        final double[] countFrom;
        final double[] sumFrom;
        final double[] singles;
        final double[] repeated;
        final double[] repeatCounts;

        private Samples(double[] values, double[] counts, double total) {
            this.values = values;
            this.counts = counts;
            this.total = total;
            int n = values.length;
            countFrom = new double[n + 1];
            sumFrom = new double[n + 1];
            int repeats = 0;
            for (int i = n - 1; i >= 0; i--) {
                countFrom[i] = countFrom[i + 1] + counts[i];
                sumFrom[i] = sumFrom[i + 1] + counts[i] * values[i];
                repeats += counts[i] > 1 ? 1 : 0;
            }
            singles = new double[n - repeats];
            repeated = new double[repeats];
            repeatCounts = new double[repeats];
            for (int i = 0, one = 0, many = 0; i < n; i++) {
                if (counts[i] > 1) {
                    repeated[many] = values[i];
                    repeatCounts[many++] = counts[i];
                } else {
                    singles[one++] = values[i];
                }
            }
        }

        static Samples of(double[] data) {
            double[] sorted = data.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            double[] counts = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                if (i > 0 && sorted[i] == sorted[distinct - 1]) {
                    counts[distinct - 1]++;
                } else {
                    sorted[distinct] = sorted[i];
                    counts[distinct++] = 1;
                }
            }
            return new Samples(Arrays.copyOf(sorted, distinct), Arrays.copyOf(counts, distinct), data.length);
        }
    }

    /** log f(z; ν) = xlogy(ν/2 − 1, z) − z/2 − lnΓ(ν/2) − ν·ln2/2 (xlogy(0, 0) = 0). */
    private static double logDensity(double z, double df, double logGammaHalf) {
        double a = df / 2.0 - 1;
        double xlogy = a == 0 ? 0 : a * Math.log(z);
        return xlogy - z / 2.0 - logGammaHalf - LOG2 * df / 2.0;
    }
}
