package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurocurate.artifact.SignalDropout;
import org.neurocurate.quality.HeadPhantom;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.HeadMask;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.volume.Volume;

/**
 * slice_dropout on generated 4 mm heads with Rician noise (1 % of the maximum): small on a clean scan,
 * rising with the fraction of signal a slab of slices lost, along every axis.
 */
class SliceDropoutTest {

    private static double measure(Volume v) {
        long[] d = v.dimensions();
        int[] dims = {(int) d[0], (int) d[1], (int) d[2]};
        float[] image = v.toFloatArray();
        boolean[] head = HeadMask.compute(image, new Grid3(dims[0], dims[1], dims[2], v.spacing()));
        return SliceDropout.compute(image, head, dims);
    }

    @Test
    void growsWithTheSignalASlabLostAndStaysSmallOnCleanScans() {
        for (long seed = 1; seed <= 2; seed++) {
            Volume clean = SubjectGenerator.generate(seed, 4).image(Contrast.T1W);
            for (int axis = 0; axis < 3; axis++) {
                double previous = -1;
                StringBuilder seen = new StringBuilder();
                for (double attenuation : new double[] {0, 0.25, 0.5, 0.75}) {
                    SignalDropout.Params p = new SignalDropout.Params(attenuation, axis, 0.45, 0.1, attenuation);
                    double value = measure(HeadPhantom.withRicianNoise(new SignalDropout().apply(clean, p), 0.01, seed));
                    seen.append(' ').append(attenuation).append("->").append(value);
                    // anatomy and noise alone: generated clean scans measure 0.03-0.25 (thick slices highest)
                    if (attenuation == 0) {
                        assertTrue(value < 0.2, "clean scan" + seen);
                    }
                    assertTrue(value > previous, "seed " + seed + ", axis " + axis + ": not increasing:" + seen);
                    // the measure reads the lost fraction: within 0.15 of it (anatomy adds, taper and noise blur)
                    assertTrue(attenuation == 0 || Math.abs(value - attenuation) < 0.15,
                            "seed " + seed + ", axis " + axis + ":" + seen);
                    previous = value;
                }
            }
        }
    }

    @Test
    void aBlackSlabThatCutsTheHeadMaskInTwoIsStillMeasured() {
        // 95 % of the signal gone in a slab across the lower head: the head mask keeps only the part
        // above it, but the slices below still hold signal to compare the slab with
        Volume clean = SubjectGenerator.generate(1, 4).image(Contrast.T1W);
        SignalDropout.Params p = new SignalDropout.Params(0.95, 2, 0.35, 0.1, 0.95);
        Volume scan = HeadPhantom.withRicianNoise(new SignalDropout().apply(clean, p), 0.01, 1);
        double value = measure(scan);
        assertTrue(value > 0.8, "slice_dropout " + value);
    }

    @Test
    void noHeadGivesNaNAndMismatchedSizesAreRefused() {
        assertTrue(Double.isNaN(SliceDropout.compute(new float[8], new boolean[8], new int[] {2, 2, 2})));
        assertThrows(IllegalArgumentException.class,
                () -> SliceDropout.compute(new float[8], new boolean[7], new int[] {2, 2, 2}));
    }
}
