package org.neurocurate.learn.data;

import java.util.Arrays;

import org.neurocurate.volume.CropPad;
import org.neurocurate.volume.Interpolation;
import org.neurocurate.volume.Reorient;
import org.neurocurate.volume.Resample;
import org.neurocurate.volume.Volume;

/**
 * One scan to one training grid: closest canonical (RAS+) orientation, trilinear resampling to the
 * isotropic spacing, centred crop/pad to the grid, robust normalisation ({@link IntensityNormaliser}).
 */
public final class ScanPreparer {

    private ScanPreparer() {
    }

    /**
     * @throws IllegalArgumentException when the volume is not 3D (or a single-frame 4D) or is constant
     */
    public static FloatGrid prepare(Volume scan, PreprocessSettings s) {
        Volume volume = scan.withoutTrailingSingletons();
        if (volume.numDimensions() != 3) {
            throw new IllegalArgumentException("a 3D scan is needed, got dimensions " + Arrays.toString(scan.dimensions()));
        }
        Volume ras = Reorient.toClosestCanonical(volume);
        double mm = s.spacingMm();
        Volume resampled = Resample.toSpacing(ras, new double[] {mm, mm, mm}, Interpolation.LINEAR);
        int[] g = s.grid();
        Volume fitted = CropPad.toShape(resampled, new long[] {g[0], g[1], g[2]});
        float[] values = fitted.toFloatArray();
        float[] normalised = IntensityNormaliser.normalise(Arrays.copyOf(values, g[0] * g[1] * g[2]),
                s.lowPercentile(), s.highPercentile());
        return new FloatGrid(normalised, g[0], g[1], g[2]);
    }
}
