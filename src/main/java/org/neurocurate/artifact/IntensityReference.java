package org.neurocurate.artifact;

import java.util.Arrays;

/**
 * The intensity that relative artifact amplitudes refer to: the 99th percentile of all voxel values
 * (a robust maximum, insensitive to a few hot voxels). Computed on at most 2¹⁶ evenly strided
 * voxels so it costs the same on any grid.
 */
public final class IntensityReference {

    private static final int MAX_SAMPLES = 1 << 16;

    private IntensityReference() {
    }

    /** The 99th percentile of the values (0 for an empty array). */
    public static double of(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        int stride = Math.max(1, values.length / MAX_SAMPLES);
        float[] s = new float[(values.length + stride - 1) / stride];
        for (int v = 0, t = 0; v < values.length; v += stride) {
            s[t++] = values[v];
        }
        Arrays.sort(s);
        return s[(int) Math.floor(0.99 * (s.length - 1))];
    }
}
