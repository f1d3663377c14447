package org.neurocurate.quality.iqm;

import java.util.stream.IntStream;

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
 * <p>The sum runs over fixed chunks in parallel and adds the chunk totals in chunk order, so the
 * result does not depend on the number of threads.
 */
final class Chi2Fit {

    /** scipy's {@code _LOGXMAX}: log of the largest double. */
    private static final double LOG_XMAX = Math.log(Double.MAX_VALUE);
    private static final double LOG2 = Math.log(2);
    private static final int CHUNKS = 16;

    private Chi2Fit() {
    }

    /** Fitted {ν, loc, scale}. */
    static double[] fit(double[] data, double df0) {
        double[] start = locScaleStart(data);
        double[] x0 = {df0, start[0], start[1]};
        return NelderMead.scipyDefaults().minimise(p -> negativeLogLikelihood(data, p[0], p[1], p[2]), x0);
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
        if (!(df > 0) || !(scale > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double logGammaHalf = Gamma.logGamma(df / 2);
        int n = data.length;
        double[][] partial = IntStream.range(0, CHUNKS).parallel().mapToObj(c -> {
            int from = (int) ((long) n * c / CHUNKS);
            int to = (int) ((long) n * (c + 1) / CHUNKS);
            double total = 0;
            int bad = 0;
            for (int i = from; i < to; i++) {
                double z = (data[i] - loc) / scale;
                double lp = z >= 0 ? logDensity(z, df, logGammaHalf) : Double.NaN;
                if (Double.isFinite(lp)) {
                    total += lp;
                } else {
                    bad++;
                }
            }
            return new double[] {total, bad};
        }).toArray(double[][]::new);
        double total = 0;
        double bad = 0;
        for (double[] p : partial) {
            total += p[0];
            bad += p[1];
        }
        return -total + bad * LOG_XMAX * 100 + n * Math.log(scale);
    }

    /** log f(z; ν) = xlogy(ν/2 − 1, z) − z/2 − lnΓ(ν/2) − ν·ln2/2 (xlogy(0, 0) = 0). */
    private static double logDensity(double z, double df, double logGammaHalf) {
        double a = df / 2.0 - 1;
        double xlogy = a == 0 ? 0 : a * Math.log(z);
        return xlogy - z / 2.0 - logGammaHalf - LOG2 * df / 2.0;
    }
}
