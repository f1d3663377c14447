package org.neurocurate.artifact;

import java.util.List;
import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Smooth multiplicative intensity non-uniformity (RF inhomogeneity): the image is multiplied by
 * b(x) = exp(Σ c_abc · u^a v^b w^c) over 1 ≤ a+b+c ≤ order, where (u, v, w) ∈ [−1, 1]³ are the
 * voxel coordinates normalised to the field of view. The constant term is left out so the field
 * changes the shading, not the overall scale. Reference: TorchIO {@code RandomBiasField}
 * (after Van Leemput et al., IEEE TMI 1999).
 *
 * <p>Severity is a strength of shading where the brain is, not a coefficient range: TorchIO-style
 * coefficients drawn uniformly in ±0.5 give a log field whose spread over the brain varies 2.4-fold
 * between draws (standard deviation 0.11 to 0.26 for the 5th to 95th percentile of draws), so two
 * scans of the same severity could differ more than a clean and an unusable one. {@link #sample}
 * therefore keeps the drawn shape and scales it so that the log field's standard deviation over
 * {@link #CENTRAL_RADIUS the central region} is {@link #LOG_SD_AT_FULL_SEVERITY} × severity.
 */
public final class BiasField implements Artifact<BiasField.Params> {

    /** Coefficients are first drawn in ±this (TorchIO's default range), then scaled, see {@link #sample}. */
    static final double MAX_COEFFICIENT = 0.5;

    /**
     * Standard deviation of the log field over the central region at severity 1: the median over
     * TorchIO-style draws (0.187), so severities keep their average meaning. At severity 1 the field
     * varies over the brain by a factor of about 0.68 to 1.46 (exp(±0.38), two standard deviations).
     */
    public static final double LOG_SD_AT_FULL_SEVERITY = 0.19;

    /**
     * Radius, in field-of-view coordinates u, v, w ∈ [−1, 1], of the ball over which the field's
     * strength is measured: where the brain lies in a head that fills the field of view (the synthetic
     * cerebrum reaches 0.68-0.79 of the half field of view).
     */
    public static final double CENTRAL_RADIUS = 0.75;

    /** Lattice points per axis on which the central spread is evaluated. */
    private static final int LATTICE = 21;

    /**
     * @param severity in [0, 1]
     * @param order polynomial order (≥ 1)
     * @param coefficients one per exponent triple of {@link #exponents(int)}, in that order
     */
    public record Params(double severity, int order, List<Double> coefficients) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (order < 1 || coefficients.size() != exponents(order).size()) {
                throw new IllegalArgumentException("bias field of order " + order + " needs "
                        + (order < 1 ? "order >= 1" : exponents(order).size() + " coefficients"));
            }
            coefficients = List.copyOf(coefficients);
        }
    }

    @Override
    public String key() {
        return "bias_field";
    }

    @Override
    public String description() {
        return "multiplies by a smooth field exp(polynomial of order 3) whose spread over the brain grows with severity";
    }

    /**
     * Order 3: a shape with each coefficient uniform in ±0.5, scaled so that the log field's standard
     * deviation over the central region is {@link #LOG_SD_AT_FULL_SEVERITY} × severity.
     */
    @Override
    public Params sample(double severity, Random random) {
        Artifact.checkSeverity(severity);
        int n = exponents(3).size();
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            c[t] = (2 * random.nextDouble() - 1) * MAX_COEFFICIENT;
        }
        double sd = centralLogSd(c, 3);
        double scale = sd > 0 ? LOG_SD_AT_FULL_SEVERITY * severity / sd : 0;
        Double[] scaled = new Double[n];
        for (int t = 0; t < n; t++) {
            scaled[t] = c[t] * scale;
        }
        return new Params(severity, 3, List.of(scaled));
    }

    /**
     * The standard deviation of the log field Σ c·u^a v^b w^c over the central ball of radius
     * {@link #CENTRAL_RADIUS} (a fixed lattice in field-of-view coordinates, so the same on any grid).
     */
    public static double centralLogSd(Params p) {
        return centralLogSd(coefficients(p), p.order());
    }

    private static double centralLogSd(double[] c, int order) {
        double[] f = central(c, order);
        return Math.sqrt(covariance(f, f));
    }

    /**
     * Mean over the central ball of the product of two fields' centred log values: positive when
     * they shade the brain the same way, negative when one partly undoes the other.
     */
    public static double centralCovariance(Params p, Params q) {
        return covariance(central(coefficients(p), p.order()), central(coefficients(q), q.order()));
    }

    /** The same field with every coefficient negated: the mirror-image shading, same strength. */
    public static Params negated(Params p) {
        return new Params(p.severity(), p.order(), p.coefficients().stream().map(c -> -c).toList());
    }

    private static double[] coefficients(Params p) {
        return p.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Population covariance of two equally long samples. */
    private static double covariance(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int t = 0; t < a.length; t++) {
            ma += a[t];
            mb += b[t];
        }
        ma /= a.length;
        mb /= b.length;
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += (a[t] - ma) * (b[t] - mb);
        }
        return s / a.length;
    }

    /** Log field values at the lattice points inside the central ball. */
    private static double[] central(double[] c, int order) {
        List<int[]> ex = exponents(order);
        double[][] p = powers(LATTICE, order);
        double[] out = new double[LATTICE * LATTICE * LATTICE];
        int m = 0;
        for (int i = 0; i < LATTICE; i++) {
            for (int j = 0; j < LATTICE; j++) {
                for (int k = 0; k < LATTICE; k++) {
                    if (p[1][i] * p[1][i] + p[1][j] * p[1][j] + p[1][k] * p[1][k] > CENTRAL_RADIUS * CENTRAL_RADIUS) {
                        continue;
                    }
                    double f = 0;
                    for (int t = 0; t < c.length; t++) {
                        int[] e = ex.get(t);
                        f += c[t] * p[e[0]][i] * p[e[1]][j] * p[e[2]][k];
                    }
                    out[m++] = f;
                }
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        float[] image = volume.toFloatArray();
        if (p.severity() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] b = field(VolumeGrid.of(volume), p);
        for (int v = 0; v < image.length; v++) {
            image[v] *= b[v];
        }
        return VolumeGrid.withValues(volume, image);
    }

    /**
     * The multiplicative field b(x) on the grid (i fastest). Evaluated separably: for each (j, k) the
     * polynomial is collapsed to Σ_a A_a(v, w)·u^a, so a voxel costs order+1 products and one exp.
     */
    public static float[] field(VolumeGrid g, Params p) {
        List<int[]> ex = exponents(p.order());
        double[][] pu = powers(g.nx(), p.order());
        double[][] pv = powers(g.ny(), p.order());
        double[][] pw = powers(g.nz(), p.order());
        float[] out = new float[g.size()];
        double[] c = p.coefficients().stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = new double[p.order() + 1];
        int v = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                java.util.Arrays.fill(a, 0);
                for (int t = 0; t < c.length; t++) {
                    int[] e = ex.get(t);
                    a[e[0]] += c[t] * pv[e[1]][j] * pw[e[2]][k];
                }
                for (int i = 0; i < g.nx(); i++) {
                    double s = 0;
                    for (int e = 0; e < a.length; e++) {
                        s += a[e] * pu[e][i];
                    }
                    out[v++] = (float) Math.exp(s);
                }
            }
        }
        return out;
    }

    /** Exponent triples (a, b, c) with 1 ≤ a+b+c ≤ order, a slowest then b then c. */
    public static List<int[]> exponents(int order) {
        java.util.ArrayList<int[]> out = new java.util.ArrayList<>();
        for (int a = 0; a <= order; a++) {
            for (int b = 0; a + b <= order; b++) {
                for (int c = 0; a + b + c <= order; c++) {
                    if (a + b + c > 0) {
                        out.add(new int[] {a, b, c});
                    }
                }
            }
        }
        return out;
    }

    /** powers[e][i] = u_i^e with u_i = 2i/(n−1) − 1 (0 when n = 1). */
    private static double[][] powers(int n, int order) {
        double[][] p = new double[order + 1][n];
        for (int i = 0; i < n; i++) {
            double u = n == 1 ? 0 : 2.0 * i / (n - 1) - 1;
            double x = 1;
            for (int e = 0; e <= order; e++) {
                p[e][i] = x;
                x *= u;
            }
        }
        return p;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
