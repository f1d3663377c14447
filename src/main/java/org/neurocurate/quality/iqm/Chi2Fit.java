package org.neurocurate.quality.iqm;

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
 * <p>Samples are collapsed to distinct values with multiplicities; the sum runs over fixed chunks in
 * parallel and adds the chunk totals in chunk order, so the result does not depend on the number of
 * threads.
 */
final class Chi2Fit {

    /** scipy's {@code _LOGXMAX}: log of the largest double. */
    private static final double LOG_XMAX = Math.log(Double.MAX_VALUE);
    private static final double LOG2 = Math.log(2);
    private static final int CHUNKS = 16;
    /**
     * Σ log z is taken as the log of products of this many single-count values of z, one logarithm
     * per group instead of per sample (the logarithms were most of qi_2's cost: about 300,000 per
     * objective evaluation, some 400 evaluations per fit). Values outside [{@link #PRODUCT_MIN},
     * {@link #PRODUCT_MAX}] take their own logarithm, so a product stays within 10<sup>±240</sup>.
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
     * finite only when ν = 2, and z &lt; 0 is outside the support.
     */
    static double negativeLogLikelihood(Samples s, double df, double loc, double scale) {
        if (!(df > 0) || !(scale > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double a = df / 2.0 - 1;
        int n = s.values.length;
        double[][] partial = IntRangeSums.chunked(n, CHUNKS, (from, to) -> {
            double logSum = 0;
            double zSum = 0;
            double good = 0;
            double bad = 0;
            double product = 1;
            int factors = 0;
            for (int i = from; i < to; i++) {
                double z = (s.values[i] - loc) / scale;
                double w = s.counts[i];
                if (z > 0) {
                    if (w == 1 && z >= PRODUCT_MIN && z <= PRODUCT_MAX) {
                        product *= z;
                        if (++factors == PRODUCT_FACTORS) {
                            logSum += Math.log(product);
                            product = 1;
                            factors = 0;
                        }
                    } else {
                        logSum += w * Math.log(z);
                    }
                    zSum += w * z;
                    good += w;
                } else if (z == 0 && a == 0) {
                    good += w;
                } else {
                    bad += w;
                }
            }
            return new double[] {logSum + Math.log(product), zSum, good, bad};
        });
        double logSum = 0;
        double zSum = 0;
        double good = 0;
        double bad = 0;
        for (double[] p : partial) {
            logSum += p[0];
            zSum += p[1];
            good += p[2];
            bad += p[3];
        }
        double total = (a == 0 ? 0 : a * logSum) - zSum / 2.0 - good * (Gamma.logGamma(df / 2) + LOG2 * df / 2.0);
        return -total + bad * LOG_XMAX * 100 + s.total * Math.log(scale);
    }

    /** Distinct sample values with their multiplicities (integer-valued scans repeat values a lot). */
    static final class Samples {
        final double[] values;
        final double[] counts;
        final double total;

        private Samples(double[] values, double[] counts, double total) {
            this.values = values;
            this.counts = counts;
            this.total = total;
        }

        static Samples of(double[] data) {
            double[] sorted = data.clone();
            java.util.Arrays.sort(sorted);
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
            return new Samples(java.util.Arrays.copyOf(sorted, distinct), java.util.Arrays.copyOf(counts, distinct), data.length);
        }
    }

    /** log f(z; ν) = xlogy(ν/2 − 1, z) − z/2 − lnΓ(ν/2) − ν·ln2/2 (xlogy(0, 0) = 0). */
    private static double logDensity(double z, double df, double logGammaHalf) {
        double a = df / 2.0 - 1;
        double xlogy = a == 0 ? 0 : a * Math.log(z);
        return xlogy - z / 2.0 - logGammaHalf - LOG2 * df / 2.0;
    }
}
