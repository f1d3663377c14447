package org.neurocurate.quality.iqm;

import java.util.function.ToDoubleFunction;

/**
 * Downhill simplex minimisation with the exact rules of scipy's {@code optimize.fmin} (non-adaptive
 * Nelder–Mead): initial simplex x0 plus 5 % of each non-zero coordinate (0.00025 for a zero one),
 * reflection ρ = 1, expansion χ = 2, contraction ψ = 0.5, shrink σ = 0.5, stable ordering by value,
 * and termination when max|x<sub>i</sub> − x<sub>0</sub>| ≤ xtol and max|f<sub>i</sub> − f<sub>0</sub>| ≤ ftol
 * (both 1e−4 by default) or after 200·N iterations or evaluations.
 *
 * <p>scipy's fit results depend on where fmin stops, not only on the true optimum, so matching
 * {@code scipy.stats.chi2.fit} (and hence MRIQC's qi_2) needs the same search path, not merely a
 * good optimiser. Reference: Nelder &amp; Mead, Comput J 7(4):308–313, 1965; Wright, "Direct search
 * methods: once scorned, now respectable", 1996.
 */
final class NelderMead {

    private static final double RHO = 1;
    private static final double CHI = 2;
    private static final double PSI = 0.5;
    private static final double SIGMA = 0.5;
    private static final double NONZERO_DELTA = 0.05;
    private static final double ZERO_DELTA = 0.00025;

    private final double xtol;
    private final double ftol;

    NelderMead(double xtol, double ftol) {
        this.xtol = xtol;
        this.ftol = ftol;
    }

    /** scipy's defaults: xtol = ftol = 1e−4. */
    static NelderMead scipyDefaults() {
        return new NelderMead(1e-4, 1e-4);
    }

    /** The simplex vertex with the lowest value when the search stops. */
    double[] minimise(ToDoubleFunction<double[]> f, double[] x0) {
        int n = x0.length;
        int maxIterations = 200 * n;
        int maxEvaluations = 200 * n;
        double[][] sim = new double[n + 1][];
        double[] fsim = new double[n + 1];
        sim[0] = x0.clone();
        for (int k = 0; k < n; k++) {
            double[] y = x0.clone();
            y[k] = y[k] != 0 ? (1 + NONZERO_DELTA) * y[k] : ZERO_DELTA;
            sim[k + 1] = y;
        }
        int evaluations = 0;
        for (int k = 0; k <= n; k++) {
            fsim[k] = f.applyAsDouble(sim[k]);
            evaluations++;
        }
        sort(sim, fsim);
        int iterations = 1;
        while (evaluations < maxEvaluations && iterations < maxIterations) {
            if (converged(sim, fsim)) {
                break;
            }
            double[] xbar = centroid(sim, n);
            double[] worst = sim[n];
            double[] xr = combine(1 + RHO, xbar, -RHO, worst);
            double fxr = f.applyAsDouble(xr);
            evaluations++;
            if (fxr < fsim[0]) {
                double[] xe = combine(1 + RHO * CHI, xbar, -RHO * CHI, worst);
                double fxe = f.applyAsDouble(xe);
                evaluations++;
                if (fxe < fxr) {
                    replaceWorst(sim, fsim, xe, fxe);
                } else {
                    replaceWorst(sim, fsim, xr, fxr);
                }
            } else if (fxr < fsim[n - 1]) {
                replaceWorst(sim, fsim, xr, fxr);
            } else {
                boolean outside = fxr < fsim[n];
                double[] xc = outside
                        ? combine(1 + PSI * RHO, xbar, -PSI * RHO, worst)
                        : combine(1 - PSI, xbar, PSI, worst);
                double fxc = f.applyAsDouble(xc);
                evaluations++;
                boolean accept = outside ? fxc <= fxr : fxc < fsim[n];
                if (accept) {
                    replaceWorst(sim, fsim, xc, fxc);
                } else {
                    for (int j = 1; j <= n; j++) {
                        sim[j] = combine(1, sim[0], SIGMA, subtract(sim[j], sim[0]));
                        fsim[j] = f.applyAsDouble(sim[j]);
                        evaluations++;
                    }
                }
            }
            iterations++;
            sort(sim, fsim);
        }
        return sim[0].clone();
    }

    private static void replaceWorst(double[][] sim, double[] fsim, double[] x, double fx) {
        int last = sim.length - 1;
        sim[last] = x;
        fsim[last] = fx;
    }

    private boolean converged(double[][] sim, double[] fsim) {
        double dx = 0;
        double df = 0;
        for (int j = 1; j < sim.length; j++) {
            for (int k = 0; k < sim[0].length; k++) {
                dx = Math.max(dx, Math.abs(sim[j][k] - sim[0][k]));
            }
            df = Math.max(df, Math.abs(fsim[0] - fsim[j]));
        }
        return dx <= xtol && df <= ftol;
    }

    /** Mean of all vertices but the worst, summed in vertex order as numpy's add.reduce does. */
    private static double[] centroid(double[][] sim, int n) {
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                c[k] += sim[j][k];
            }
        }
        for (int k = 0; k < n; k++) {
            c[k] /= n;
        }
        return c;
    }

    /** a·x + b·y, evaluated as scipy writes it ((1 + ρ)·x̄ − ρ·x<sub>worst</sub>, etc.). */
    private static double[] combine(double a, double[] x, double b, double[] y) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = a * x[k] + b * y[k];
        }
        return out;
    }

    private static double[] subtract(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] - y[k];
        }
        return out;
    }

    /** Stable insertion sort by value (numpy's argsort on so few elements is an insertion sort). */
    private static void sort(double[][] sim, double[] fsim) {
        for (int i = 1; i < fsim.length; i++) {
            double fv = fsim[i];
            double[] xv = sim[i];
            int j = i - 1;
            while (j >= 0 && fsim[j] > fv) {
                fsim[j + 1] = fsim[j];
                sim[j + 1] = sim[j];
                j--;
            }
            fsim[j + 1] = fv;
            sim[j + 1] = xv;
        }
    }
}
