package org.neurocurate.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.volume.Volume;

/** Noise, bias field, blur, dropout and defacing measured on phantoms. */
class ImageSpaceArtifactTest {

    private static final int N = 32;

    private static boolean[] background(float[] in) {
        boolean[] m = new boolean[in.length];
        for (int v = 0; v < in.length; v++) {
            m[v] = in[v] == 0;
        }
        return m;
    }

    @Test
    void gaussianNoiseRaisesBackgroundSdToTheRequestedSigma() {
        Volume head = Phantom.head(N, 8, 10, 8);
        float[] in = head.toFloatArray();
        NoiseParams p = new GaussianNoise().sample(0.5, new Random(4));
        double sigma = p.sigma(in);
        assertEquals(0.075 * 200, sigma, 1e-9, "σ = 0.15·severity of the robust maximum (200 here)");
        double[] ms = Phantom.meanSd(new GaussianNoise().apply(head, p).toFloatArray(), background(in));
        // ~25 000 background voxels: the SD estimate's relative standard error is ~0.5 %; allow 3 %
        assertEquals(sigma, ms[1], 0.03 * sigma);
        assertEquals(0, ms[0], 0.03 * sigma);
    }

    @Test
    void ricianNoiseGivesRayleighBackground() {
        Volume head = Phantom.head(N, 8, 10, 8);
        float[] in = head.toFloatArray();
        NoiseParams p = new NoiseParams(0.6, 0.1, 11);
        double sigma = 0.1 * 200;
        double[] ms = Phantom.meanSd(new RicianNoise().apply(head, p).toFloatArray(), background(in));
        // Rayleigh: mean σ√(π/2), SD σ√(2 − π/2); 3 % covers the sampling error on ~25 000 voxels
        assertEquals(sigma * Math.sqrt(Math.PI / 2), ms[0], 0.03 * sigma);
        assertEquals(sigma * Math.sqrt(2 - Math.PI / 2), ms[1], 0.03 * sigma);
    }

    @Test
    void biasFieldMultipliesByItsExponentiatedPolynomial() {
        Volume head = Phantom.head(N, 12, 12, 12);
        BiasField.Params p = new BiasField().sample(1, new Random(9));
        float[] in = head.toFloatArray();
        float[] out = new BiasField().apply(head, p).toFloatArray();
        float[] field = BiasField.field(VolumeGrid.of(head), p);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int v = 0; v < in.length; v++) {
            if (in[v] > 0) {
                double ratio = out[v] / in[v];
                // float products: relative error below 1e-6
                assertEquals(field[v], ratio, 1e-5 * field[v]);
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
            }
        }
        assertTrue(hi / lo > 1.2, "a severity-1 field varies by more than 20 % over the head: " + hi / lo);
        // the polynomial has no constant term: exp(0) = 1 at the centre of the field of view
        int c = N / 2;
        double u = 2.0 * c / (N - 1) - 1;
        double expected = 0;
        java.util.List<int[]> ex = BiasField.exponents(3);
        for (int t = 0; t < ex.size(); t++) {
            int[] e = ex.get(t);
            expected += p.coefficients().get(t) * Math.pow(u, e[0]) * Math.pow(u, e[1]) * Math.pow(u, e[2]);
        }
        // float exp of a small exponent: relative error ~1e-7, 1e-5 is generous
        assertEquals(Math.exp(expected), field[c + N * (c + N * c)], 1e-5);
    }

    @Test
    void blurSpreadsAPointToTheRequestedWidth() {
        int n = 24;
        Volume delta = Phantom.delta(n);
        Blur.Params p = new Blur().sample(1, new Random(0));
        float[] out = new Blur().apply(delta, p).toFloatArray();
        double sum = 0;
        double second = 0;
        int c = n / 2;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double w = out[i + n * (j + n * k)];
                    sum += w;
                    second += w * Phantom.sq((i - c) * Phantom.SPACING);
                }
            }
        }
        assertEquals(1, sum, 1e-4, "blur keeps the total signal (normalised kernel)");
        double sigma = p.sigmaVoxels() * Phantom.SPACING;
        // a sampled Gaussian of σ ≈ 1.3 voxels has variance within 2 % of σ²
        assertEquals(sigma * sigma, second / sum, 0.02 * sigma * sigma);
    }

    @Test
    void dropoutAttenuatesOnlyItsSlab() {
        Volume head = Phantom.head(N, 12, 12, 12);
        SignalDropout.Params p = new SignalDropout.Params(0.7, 2, 0.5, 0.25, 0.7);
        float[] in = head.toFloatArray();
        float[] out = new SignalDropout().apply(head, p).toFloatArray();
        double c = 0.5 * (N - 1);
        double half = 0.25 * N / 2;
        for (int v = 0; v < in.length; v++) {
            int k = v / (N * N);
            double d = Math.abs(k - c);
            if (d <= half) {
                // one float product: relative error below 1e-6
                assertEquals(0.3 * in[v], out[v], 1e-4 * in[v] + 1e-6, "inside the slab");
            } else if (d >= half + SignalDropout.TAPER_VOXELS) {
                assertEquals(in[v], out[v], 0f, "outside the slab");
            }
        }
    }

    @Test
    void defacingRemovesOnlyTheAnteriorInferiorPartOfTheHead() {
        Volume head = Phantom.head(N, 12, 14, 12);
        float[] in = head.toFloatArray();
        float[] out = new Defacing().apply(head, new Defacing().sample(1, new Random(0))).toFloatArray();
        long removed = 0;
        double c = (N - 1) / 2.0;
        for (int v = 0; v < in.length; v++) {
            double anterior = (v / N) % N - c;
            double superior = v / (N * N) - c;
            if (in[v] > 0 && out[v] == 0) {
                removed++;
                // beyond a plane whose normal points anterior-inferior, on the far side of the centre
                assertTrue(anterior - superior > 0, "removed voxel not anterior-inferior: " + anterior + ", " + superior);
            } else {
                assertEquals(in[v], out[v], 0f);
            }
        }
        assertTrue(removed > 100, "defacing removed " + removed + " head voxels");
        float[] mild = new Defacing().apply(head, new Defacing().sample(0.3, new Random(0))).toFloatArray();
        long removedMild = 0;
        for (int v = 0; v < in.length; v++) {
            removedMild += in[v] > 0 && mild[v] == 0 ? 1 : 0;
        }
        assertTrue(removedMild < removed && removedMild > 0, "a milder cut removes less: " + removedMild);
    }
}
