package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.progress.ProgressListener;

/** MRIQC's explicit edge branches (−1 sentinels, NaN for undefined values), each exercised. */
class IqmEdgeCasesTest {

    @Test
    void snrdUsesAirMadWhenAboveOne() {
        assertEquals(0.6551364 * 100 / 4, SnrDietrichFeature.snrDietrich(100, 4, 9), 1e-12, "double rounding only");
    }

    @Test
    void snrdFallsBackToAirStdvWhenMadIsAtMostOne() {
        assertEquals(0.6551364 * 100 / 2, SnrDietrichFeature.snrDietrich(100, 1.0, 2), 1e-12, "double rounding only");
    }

    @Test
    void snrdIsMinusOneWithoutBackgroundVariation() {
        assertEquals(-1, SnrDietrichFeature.snrDietrich(100, 0, 0), 0);
        assertEquals(-1, SnrDietrichFeature.snrDietrich(100, Double.NaN, Double.NaN), 0, "empty air mask");
    }

    @Test
    void fberIsMinusOneWhenTheBackgroundHasNoEnergy() {
        assertEquals(-1, FberFeature.fber(1e6, 0.0009), 0);
        assertEquals(1000, FberFeature.fber(1e6, 1000), 0);
    }

    @Test
    void qi1IsMinusOneForAnEmptyAirMask() {
        assertEquals(-1, Qi1Feature.qi1(0, 0), 0);
        assertEquals(0.25, Qi1Feature.qi1(3, 1), 0);
    }

    @Test
    void qi2IsZeroWithFewerThanAThousandPositiveAirVoxels() {
        float[] image = new float[2000];
        boolean[] air = new boolean[2000];
        Arrays.fill(air, true);
        for (int i = 0; i < 999; i++) {
            image[i] = 5;
        }
        assertEquals(0, Qi2Feature.qi2(image, air, new int[] {2000, 1, 1}), 0);
    }

    /**
     * qi_2's seeded subsample picks values by position in {@code img[airmask > 0]}, numpy's C order of
     * the (i, j, k) array (k fastest), while the image is stored i fastest: the gathered list must be
     * that order on a grid with three different sides.
     */
    @Test
    void qi2GathersAirValuesInNumpyCOrder() {
        int[] dims = {7, 5, 4};
        int n = dims[0] * dims[1] * dims[2];
        float[] image = new float[n];
        boolean[] air = new boolean[n];
        Random random = new Random(3);
        int count = 0;
        for (int v = 0; v < n; v++) {
            image[v] = v;
            air[v] = random.nextInt(3) > 0;
            count += air[v] ? 1 : 0;
        }
        double[] expected = new double[count];
        int k = 0;
        for (int i = 0; i < dims[0]; i++) {
            for (int j = 0; j < dims[1]; j++) {
                for (int z = 0; z < dims[2]; z++) {
                    int v = i + dims[0] * (j + dims[1] * z);
                    if (air[v]) {
                        expected[k++] = v;
                    }
                }
            }
        }
        assertArrayEquals(expected, Qi2Feature.inCOrder(image, air, dims), 0);
    }

    @Test
    void rpveOfAnEmptyMapIsUndefined() {
        assertTrue(Double.isNaN(RpveFeature.rpve(new float[10])));
    }

    @Test
    void rpveCountsEveryVoxelAtOrBelowHalfAsOneMinusItsValue() {
        // positive values 0.2, 0.9 (n = 2); P2 and P98 of {0.2, 0.9} trim nothing strictly outside them.
        // sum = (1 − 0) · 2 zeros + (1 − 0.2) + 0.9 = 3.7 → 3.7 / 2
        float[] map = {0, 0, 0.2f, 0.9f};
        double lower = 0.2 + (0.9 - 0.2) * 0.02;
        double upper = 0.2 + (0.9 - 0.2) * 0.98;
        assertTrue(0.2 < lower && 0.9 > upper, "both values fall outside [P2, P98] and are zeroed");
        assertEquals(4.0 / 2, RpveFeature.rpve(map), 1e-12, "all four voxels become 0 and count 1 each");
    }

    @Test
    void skullStrippedImageGetsMriqcSentinelsInsteadOfFailing() {
        IqmInputs clean = new IqmPhantom(24, 0, 0, 1).inputs();
        float[] stripped = clean.image().clone();
        for (int i = 0; i < stripped.length; i++) {
            if (clean.segmentation()[i] == 0) {
                stripped[i] = 0;
            }
        }
        IqmInputs in = new IqmInputs(clean.dims(), clean.spacing(), stripped, clean.segmentation(), clean.pvms(),
                clean.headMask(), clean.airMask(), clean.artifactMask(), clean.rotationMask(), clean.bias(),
                clean.templateTpms(), clean.fwhmMm());
        Map<String, Double> iqms = IqmCalculator.withAllFeatures().compute(in, ProgressListener.NONE);
        assertEquals(-1, iqms.get("fber"), 0);
        assertEquals(-1, iqms.get("snrd_total"), 0);
        assertEquals(0, iqms.get("qi_2"), 0, "no positive air voxels");
        assertEquals(0, iqms.get("summary_bg_stdv"), 0);
        assertTrue(Double.isNaN(iqms.get("summary_bg_k")), "kurtosis of an all-zero background is undefined in scipy");
    }

    @Test
    void negativeAndNanVoxelsAreTreatedAsZeroLikeMriqc() {
        IqmInputs base = new IqmPhantom(24, 5, 0, 2).inputs();
        float[] dirty = base.image().clone();
        for (int i = 0; i < dirty.length; i++) {
            if (!base.headMask()[i] && dirty[i] < 3) {
                dirty[i] = i % 2 == 0 ? Float.NaN : -dirty[i] - 1;
            }
        }
        float[] zeroed = dirty.clone();
        for (int i = 0; i < zeroed.length; i++) {
            if (!(zeroed[i] > 0)) {
                zeroed[i] = 0;
            }
        }
        IqmCalculator calc = IqmCalculator.withAllFeatures();
        assertEquals(calc.compute(with(base, zeroed), ProgressListener.NONE),
                calc.compute(with(base, dirty), ProgressListener.NONE));
    }

    private static IqmInputs with(IqmInputs b, float[] image) {
        return new IqmInputs(b.dims(), b.spacing(), image, b.segmentation(), b.pvms(), b.headMask(), b.airMask(),
                b.artifactMask(), b.rotationMask(), b.bias(), b.templateTpms(), b.fwhmMm());
    }
}
