package org.neurocurate.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.volume.Volume;

/** Ghosting, spike, Gibbs ringing and motion measured on a phantom. */
class KSpaceArtifactTest {

    private static final int N = 32;

    @Test
    void ghostingPutsEnergyInTheBackgroundAtHalfTheFieldOfView() {
        // object spans 13 voxels along j, so the ghost at j ± N/2 lands in empty background
        Volume head = Phantom.head(N, 6, 6, 6);
        float[] out = new Ghosting().apply(head, new Ghosting.Params(1, 1, 2, 0.8)).toFloatArray();
        float[] in = head.toFloatArray();
        double atGhost = 0;
        double elsewhere = 0;
        double expectedGhost = 0;
        for (int k = 0; k < N; k++) {
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    int v = i + N * (j + N * k);
                    if (in[v] != 0) {
                        continue;
                    }
                    int source = i + N * (((j + N / 2) % N) + N * k);
                    int quarter = i + N * (((j + N / 4) % N) + N * k);
                    if (in[source] > 0) {
                        atGhost += out[v];
                        expectedGhost += 0.8 / 2 * in[source];
                    } else if (in[quarter] > 0) {
                        elsewhere += out[v];
                    }
                }
            }
        }
        // the ghost is (a/n)·object = 0.4 of it; 5 % covers float FFT rounding
        assertEquals(expectedGhost, atGhost, 0.05 * expectedGhost);
        // background a quarter field away holds no ghost for n = 2: below 1 % of the ghost energy
        assertTrue(elsewhere < 0.01 * atGhost, "background away from the ghost: " + elsewhere + " vs " + atGhost);
    }

    @Test
    void spikeAddsStripesWithThePeriodOfItsKSpacePosition() {
        Volume head = Phantom.head(N, 8, 10, 8);
        Spike.Params p = new Spike.Params(1, 0.125, -0.25, 0.0625, 0.3);
        float[] in = head.toFloatArray();
        float[] out = new Spike().apply(head, p).toFloatArray();
        // inside the head |x + w| − x ≈ Re(w), the plane wave; outside it is the constant |w|, so look inside
        float[] diff = new float[in.length];
        for (int v = 0; v < in.length; v++) {
            diff[v] = in[v] > 0 ? out[v] - in[v] : 0;
        }
        VolumeGrid g = VolumeGrid.of(head);
        float[] k = KSpace.forward(diff, g);
        int best = 1;
        for (int v = 1; v < in.length; v++) {
            if (Math.hypot(k[2 * v], k[2 * v + 1]) > Math.hypot(k[2 * best], k[2 * best + 1])) {
                best = v;
            }
        }
        int[] f = {KSpace.signedFrequency(best % N, N), KSpace.signedFrequency((best / N) % N, N),
            KSpace.signedFrequency(best / (N * N), N)};
        // stripes of period N/k: the difference's spectrum peaks at ±(4, −8, 2) cycles per field of view
        int sign = f[0] > 0 ? 1 : -1;
        assertEquals(List.of(4, -8, 2), List.of(sign * f[0], sign * f[1], sign * f[2]));
    }

    @Test
    void gibbsRingingOvershootsAtSharpEdges() {
        float[] cube = new float[N * N * N];
        for (int k = 8; k < 24; k++) {
            for (int j = 8; j < 24; j++) {
                for (int i = 8; i < 24; i++) {
                    cube[i + N * (j + N * k)] = 100;
                }
            }
        }
        Volume v = Volume.ofFloats(cube, new long[] {N, N, N}, Phantom.centred(N));
        float[] out = new GibbsRinging().apply(v, new GibbsRinging.Params(1, 0.5)).toFloatArray();
        float max = 0;
        for (float x : out) {
            max = Math.max(max, x);
        }
        // Gibbs overshoot is about 9 % of the step per axis; > 5 % leaves room for the discrete sinc
        assertTrue(max > 105, "peak after truncation " + max);
        // ringing reaches the empty background next to the cube (voxel 6 is two voxels outside)
        assertTrue(out[6 + N * (16 + N * 16)] > 2, "background ripple " + out[6 + N * (16 + N * 16)]);
    }

    @Test
    void motionLowersSharpness() {
        Volume head = Phantom.head(N, 9, 11, 9);
        double before = EdgeSharpness.of(head.toFloatArray(), N);
        double sum = 0;
        for (int seed = 0; seed < 3; seed++) {
            Motion.Params p = new Motion().sample(1, new Random(seed));
            sum += EdgeSharpness.of(new Motion().apply(head, p).toFloatArray(), N) / before;
        }
        // moves of up to 8 mm / 8 degrees smear every edge; a 10 % loss on average is a clear effect
        assertTrue(sum / 3 < 0.9, "mean sharpness ratio " + sum / 3);
    }

    @Test
    void motionWithoutMovementChangesNothingButRounding() {
        Volume head = Phantom.head(N, 9, 11, 9);
        Motion.Move still = new Motion.Move(0.5, List.of(0.0, 0.0, 0.0), List.of(0.0, 0.0, 0.0));
        float[] out = new Motion().apply(head, new Motion.Params(0.5, 1, List.of(still))).toFloatArray();
        float[] in = head.toFloatArray();
        for (int v = 0; v < in.length; v++) {
            // float FFT round trip on values up to 200: errors well below 0.01
            assertEquals(in[v], out[v], 0.01);
        }
    }

    /** Sharpness: the mean of the top 1 % of central-difference gradient magnitudes (the strongest edges). */
    static final class EdgeSharpness {
        private EdgeSharpness() {
        }

        static double of(float[] a, int n) {
            double[] g = new double[(n - 2) * (n - 2) * (n - 2)];
            int t = 0;
            for (int k = 1; k < n - 1; k++) {
                for (int j = 1; j < n - 1; j++) {
                    for (int i = 1; i < n - 1; i++) {
                        int v = i + n * (j + n * k);
                        double gx = a[v + 1] - a[v - 1];
                        double gy = a[v + n] - a[v - n];
                        double gz = a[v + n * n] - a[v - n * n];
                        g[t++] = Math.sqrt(gx * gx + gy * gy + gz * gz);
                    }
                }
            }
            java.util.Arrays.sort(g);
            int from = (int) (0.99 * g.length);
            double s = 0;
            for (int u = from; u < g.length; u++) {
                s += g[u];
            }
            return s / (g.length - from);
        }
    }
}
