package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Age must be learnable from the images: a ridge regression on four label-derived fractions,
 * trained on 45 subjects of a generated cohort, predicts the age of 25 held-out subjects with a mean
 * absolute error below half the age standard deviation.
 */
class AgeLearnabilityTest {

    private static final int TRAIN = 45;
    private static final int TEST = 25;

    @Test
    void ridgeRegressionOnTissueFractionsPredictsHeldOutAges() {
        CohortSpec spec = CohortSpec.defaults().withSeed(77).withSubjects(TRAIN + TEST).withSites(1);
        Site site = SiteCatalog.sites(1, 77).get(0);
        double[][] x = new double[TRAIN + TEST][];
        double[] age = new double[TRAIN + TEST];
        for (int s = 0; s < x.length; s++) {
            SubjectParams p = CohortGenerator.subjectParams(spec, s);
            x[s] = features(SubjectGenerator.generate(p, site, 4, List.of(Contrast.T1W)));
            age[s] = p.age();
        }
        double[] w = fitRidge(x, age, TRAIN, 1e-3);
        double mae = 0;
        double mean = 0;
        for (int s = TRAIN; s < x.length; s++) {
            mae += Math.abs(predict(w, x[s]) - age[s]) / TEST;
            mean += age[s] / TEST;
        }
        double sd = 0;
        for (int s = TRAIN; s < x.length; s++) {
            sd += (age[s] - mean) * (age[s] - mean) / (TEST - 1);
        }
        sd = Math.sqrt(sd);
        assertTrue(mae < sd / 2, "held-out MAE " + mae + " years vs age SD " + sd);
    }

    /** Fractions of the intracranial label count: ventricles, CSF, grey matter, lesions; plus a bias term. */
    static double[] features(SyntheticSubject s) {
        double[] n = new double[Tissue.COUNT];
        double icv = 0;
        for (int v = 0; v < s.grid().size(); v++) {
            Tissue t = s.tissueAt(v);
            n[t.label()]++;
            icv += t.intracranial() ? 1 : 0;
        }
        return new double[] {1, n[Tissue.VENTRICLE.label()] / icv, n[Tissue.CSF.label()] / icv,
            n[Tissue.GM.label()] / icv, n[Tissue.LESION.label()] / icv};
    }

    /** Ridge on standardised features (intercept unpenalised): w = (XᵀX + λI)⁻¹Xᵀy over the first {@code n} rows. */
    static double[] fitRidge(double[][] x, double[] y, int n, double lambda) {
        int d = x[0].length;
        double[] mu = new double[d];
        double[] sd = new double[d];
        for (int j = 1; j < d; j++) {
            for (int i = 0; i < n; i++) {
                mu[j] += x[i][j] / n;
            }
            for (int i = 0; i < n; i++) {
                sd[j] += (x[i][j] - mu[j]) * (x[i][j] - mu[j]) / n;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        for (double[] row : x) {
            for (int j = 1; j < d; j++) {
                row[j] = (row[j] - mu[j]) / sd[j];
            }
        }
        RealMatrix a = new Array2DRowRealMatrix(d, d);
        RealVector b = new ArrayRealVector(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                b.addToEntry(j, x[i][j] * y[i]);
                for (int k = 0; k < d; k++) {
                    a.addToEntry(j, k, x[i][j] * x[i][k]);
                }
            }
        }
        for (int j = 1; j < d; j++) {
            a.addToEntry(j, j, lambda * n);
        }
        return new LUDecomposition(a).getSolver().solve(b).toArray();
    }

    static double predict(double[] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }
}
