package org.neurocurate.learn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurocurate.learn.DjlEnvironment;

/**
 * Every loss against a value computed here independently, in plain double arithmetic from the
 * published formulas, on 3 subjects with 3-dimensional projections.
 */
class ContrastiveLossTest {

    private static final double[][] Z1 = {{1.0, 0.2, -0.3}, {-0.4, 0.9, 0.1}, {0.3, -0.2, 1.1}};
    private static final double[][] Z2 = {{0.8, 0.5, -0.1}, {-0.2, 1.2, -0.3}, {0.6, 0.1, 0.7}};
    private static final double[] AGES = {20, 23, 31};

    private static NDManager manager;

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void ntXentEqualsHandComputedCrossEntropyOfPositivePairs() {
        double tau = 0.5;
        double expected = expectedLoss(tau, positivePairTargets(), null);
        double actual = computed(new NtXentLoss(tau), BatchLabels.none());
        assertClose(expected, actual);
    }

    @Test
    void yAwareEqualsHandComputedKernelWeightedCrossEntropy() {
        double tau = 0.1;
        double sigma = 5;
        double expected = expectedLoss(tau, rbfTargets(sigma), null);
        double actual = computed(new YAwareInfoNceLoss(tau, sigma), new BatchLabels(AGES, null));
        assertClose(expected, actual);
    }

    @Test
    void yAwareWithVanishingSigmaGivesSimClrValue() {
        double tau = 0.2;
        double simclr = computed(new NtXentLoss(tau), BatchLabels.none());
        double limit = computed(new YAwareInfoNceLoss(tau, 0), new BatchLabels(AGES, null));
        double tiny = computed(new YAwareInfoNceLoss(tau, 1e-3), new BatchLabels(AGES, null));
        assertClose(simclr, limit);
        assertClose(simclr, tiny);
        assertNotEquals(simclr, computed(new YAwareInfoNceLoss(tau, 5), new BatchLabels(AGES, null)), 1e-3,
                "a wide kernel must change the loss, else the test above proves nothing");
    }

    @Test
    void yAwareTargetsAreNormalisedPerAnchorNotPerColumn() {
        double[] ages = {20, 25, 26};
        double[][] w = new YAwareInfoNceLoss(0.1, 5).targets(3, new BatchLabels(ages, null));
        for (double[] row : w) {
            assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-12, "row sums are exact up to double rounding");
        }
        double k5 = Math.exp(-25.0 / 50.0);
        double k6 = Math.exp(-36.0 / 50.0);
        double k1 = Math.exp(-1.0 / 50.0);
        double rowSum0 = 1 + 2 * k5 + 2 * k6;
        double rowSum1 = 1 + 2 * k5 + 2 * k1;
        assertEquals(k5 / rowSum0, w[0][1], 1e-12, "double rounding");
        // the published code divides column j by row j's sum: K01 / rowSum1, a different number
        assertNotEquals(k5 / rowSum1, w[0][1], 1e-3);
    }

    @Test
    void qualityWeightsScaleEachSubjectsAnchors() {
        double tau = 0.5;
        double[] q = {1.0, 0.5, 0.0};
        double expected = expectedLoss(tau, positivePairTargets(), q);
        double actual = computed(new NtXentLoss(tau), new BatchLabels(null, q));
        assertClose(expected, actual);
        assertNotEquals(computed(new NtXentLoss(tau), BatchLabels.none()), actual, 1e-3,
                "unequal weights must change the mean over anchors");
    }

    @Test
    void qualityWeightsComeFromTiersOrTheirProbabilities() {
        QualityWeights qw = QualityWeights.DEFAULT;
        assertEquals(1.0, qw.forTier(1));
        assertEquals(0.0, qw.forTier(5));
        assertEquals(0.5 * 1.0 + 0.5 * 0.5, qw.forTierProbabilities(new double[] {0.5, 0, 0.5, 0, 0}), 1e-15,
                "double rounding");
        assertThrows(IllegalArgumentException.class, () -> qw.forTier(6));
        assertThrows(IllegalArgumentException.class, () -> qw.forTierProbabilities(new double[] {0.5, 0, 0, 0, 0}));
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> computed(new NtXentLoss(0.5), new BatchLabels(null, new double[] {0, 0, 0})));
    }

    private static double computed(ContrastiveLoss loss, BatchLabels labels) {
        try (NDManager step = manager.newSubManager()) {
            NDArray z1 = step.create(toFloats(Z1), new Shape(3, 3));
            NDArray z2 = step.create(toFloats(Z2), new Shape(3, 3));
            return loss.loss(z1, z2, labels).getFloat();
        }
    }

    /** Stacked views z_0..z_5: 0..2 are view 1, 3..5 view 2. */
    private static double[][] stacked() {
        double[][] z = new double[6][];
        for (int i = 0; i < 3; i++) {
            z[i] = Z1[i];
            z[i + 3] = Z2[i];
        }
        return z;
    }

    private static double[][] positivePairTargets() {
        double[][] w = new double[6][6];
        for (int i = 0; i < 6; i++) {
            w[i][(i + 3) % 6] = 1;
        }
        return w;
    }

    private static double[][] rbfTargets(double sigma) {
        double[][] w = new double[6][6];
        for (int i = 0; i < 6; i++) {
            double sum = 0;
            for (int j = 0; j < 6; j++) {
                if (j != i) {
                    double d = AGES[i % 3] - AGES[j % 3];
                    w[i][j] = Math.exp(-d * d / (2 * sigma * sigma));
                    sum += w[i][j];
                }
            }
            for (int j = 0; j < 6; j++) {
                w[i][j] /= sum;
            }
        }
        return w;
    }

    /** L = Σ_i q_i (−Σ_{j≠i} W_ij log(exp(s_ij) / Σ_{k≠i} exp(s_ik))) / Σ_i q_i, s = cos / τ. */
    private static double expectedLoss(double tau, double[][] w, double[] q) {
        double[][] z = stacked();
        double num = 0;
        double den = 0;
        for (int i = 0; i < 6; i++) {
            double denom = 0;
            for (int k = 0; k < 6; k++) {
                if (k != i) {
                    denom += Math.exp(cos(z[i], z[k]) / tau);
                }
            }
            double li = 0;
            for (int j = 0; j < 6; j++) {
                if (j != i) {
                    li -= w[i][j] * (cos(z[i], z[j]) / tau - Math.log(denom));
                }
            }
            double qi = q == null ? 1 : q[i % 3];
            num += qi * li;
            den += qi;
        }
        return num / den;
    }

    private static double cos(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static float[] toFloats(double[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int d = 0; d < rows[i].length; d++) {
                out[i * rows[i].length + d] = (float) rows[i][d];
            }
        }
        return out;
    }

    private static void assertClose(double expected, double actual) {
        // float32 arithmetic (ε ≈ 6e-8) over a dozen operations on values up to 1/τ = 10
        assertEquals(expected, actual, 2e-5 * Math.max(1, Math.abs(expected)));
    }
}
