package org.neurocurate.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;

class VolumeTest {

    private static final Affine AFFINE = Affine.fromRows(new double[][] {
        {-1.5, 0, 0, 40}, {0, 1, 0, -20}, {0, 0, 3, 10}});

    @Test
    void trailingAxesOfSizeOneBeyondTheThirdAreDropped() {
        short[] stored = new short[4 * 3 * 2];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (short) (7 * i - 50);
        }
        Volume scaled = Volume.of(ArrayImgs.shorts(stored, 4, 3, 2, 1, 1), 0.5, 3, AFFINE, new double[] {1.5, 1, 3}, null);
        Volume three = scaled.withoutTrailingSingletons();
        assertArrayEquals(new long[] {4, 3, 2}, three.dimensions());
        assertArrayEquals(scaled.toFloatArray(), three.toFloatArray(), "same real values, scaling kept");
        assertEquals(-50 * 0.5 + 3, three.toFloatArray()[0]);
        assertSame(AFFINE, three.voxelToWorld());
        assertArrayEquals(scaled.spacing(), three.spacing());
    }

    @Test
    void seriesAndThreeDVolumesAreLeftAsTheyAre() {
        Volume series = Volume.ofFloats(new float[4 * 3 * 2 * 2], new long[] {4, 3, 2, 2}, AFFINE);
        assertSame(series, series.withoutTrailingSingletons());
        Volume flat = Volume.ofFloats(new float[4 * 3], new long[] {4, 3, 1}, AFFINE);
        assertSame(flat, flat.withoutTrailingSingletons(), "a 3D volume keeps its third axis, even of size 1");
        Volume seriesOfOne = Volume.ofFloats(new float[4 * 3 * 2 * 2], new long[] {4, 3, 2, 2, 1}, AFFINE);
        assertArrayEquals(new long[] {4, 3, 2, 2}, seriesOfOne.withoutTrailingSingletons().dimensions());
    }
}
