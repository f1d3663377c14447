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
 */
public final class BiasField implements Artifact<BiasField.Params> {

    /** Largest |coefficient| at severity 1 (TorchIO's default range is ±0.5). */
    static final double MAX_COEFFICIENT = 0.5;

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
        return "multiplies by a smooth field exp(polynomial of order 3)";
    }

    /** Order 3; each coefficient uniform in ±0.5·severity. */
    @Override
    public Params sample(double severity, Random random) {
        Artifact.checkSeverity(severity);
        int n = exponents(3).size();
        Double[] c = new Double[n];
        for (int t = 0; t < n; t++) {
            c[t] = (2 * random.nextDouble() - 1) * MAX_COEFFICIENT * severity;
        }
        return new Params(severity, 3, List.of(c));
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
