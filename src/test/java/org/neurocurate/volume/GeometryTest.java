package org.neurocurate.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;

class GeometryTest {

    /** An oblique LPS-like affine with anisotropic voxels (1.2 × 0.9 × 3 mm). */
    private static final Affine LPS_OBLIQUE = Affine.fromRows(new double[][] {
        {-1.2 * Math.cos(0.2), 0, 3 * Math.sin(0.2), 40},
        {0, -0.9, 0, 50},
        {1.2 * Math.sin(0.2), 0, 3 * Math.cos(0.2), -30}});

    /** A volume whose value is a linear function of world position: f(x, y, z) = 2x − y + 0.5z + 7. */
    private static Volume worldRamp(long[] dims, Affine affine) {
        float[] data = new float[(int) (dims[0] * dims[1] * dims[2])];
        int n = 0;
        for (int k = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++) {
                    data[n++] = (float) ramp(affine.apply(new double[] {i, j, k}));
                }
            }
        }
        return Volume.ofFloats(data, dims, affine);
    }

    private static double ramp(double[] w) {
        return 2 * w[0] - w[1] + 0.5 * w[2] + 7;
    }

    private static double valueAt(Volume v, long i, long j, long k) {
        RandomAccess<? extends RealType<?>> ra = v.image().randomAccess();
        ra.setPosition(new long[] {i, j, k});
        return ra.get().getRealDouble();
    }

    @Test
    void reorientationKeepsEveryVoxelAtItsWorldPosition() {
        Volume v = worldRamp(new long[] {12, 10, 6}, LPS_OBLIQUE);
        Volume ras = Reorient.toClosestCanonical(v);
        assertEquals("LPS", Orientation.of(LPS_OBLIQUE).code());
        assertTrue(Orientation.of(ras.voxelToWorld()).isCanonical());
        for (long[] p : new long[][] {{0, 0, 0}, {11, 9, 5}, {3, 7, 2}}) {
            double expected = ramp(ras.voxelToWorld().apply(new double[] {p[0], p[1], p[2]}));
            assertEquals(expected, valueAt(ras, p[0], p[1], p[2]), 1e-3, "float32 storage of values near 100");
        }
        assertSame(ras, Reorient.toClosestCanonical(ras), "a canonical volume is returned as it is");
    }

    @Test
    void trilinearResamplingReproducesALinearFieldExactly() {
        Volume v = worldRamp(new long[] {20, 24, 8}, LPS_OBLIQUE);
        Volume r = Resample.toSpacing(v, new double[] {2, 2, 2}, Interpolation.LINEAR);
        assertArrayEquals(new long[] {12, 11, 12}, r.dimensions(), "field of view kept: 20·1.2/2, 24·0.9/2, 8·3/2");
        assertArrayEquals(new double[] {2, 2, 2}, r.spacing(), 1e-12);
        long[] dims = r.dimensions();
        for (int k = 1; k < dims[2] - 1; k++) {
            for (int j = 1; j < dims[1] - 1; j++) {
                for (int i = 1; i < dims[0] - 1; i++) {
                    double expected = ramp(r.voxelToWorld().apply(new double[] {i, j, k}));
                    assertEquals(expected, valueAt(r, i, j, k), 2e-3,
                            "interpolating a linear field is exact up to float32 rounding at " + i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void nearestNeighbourKeepsLabelValues() {
        float[] labels = new float[16 * 16 * 16];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = (n / 7) % 4;
        }
        Volume v = Volume.ofFloats(labels, new long[] {16, 16, 16}, Affine.scaling(1, 1, 1));
        Volume r = Resample.toSpacing(v, new double[] {0.7, 1.3, 2.1}, Interpolation.NEAREST);
        Set<Float> seen = new HashSet<>();
        for (float f : r.toFloatArray()) {
            seen.add(f);
        }
        assertEquals(Set.of(0f, 1f, 2f, 3f), seen, "no label value is invented");
    }

    @Test
    void sameGridResamplingIsTheIdentity() {
        Volume v = worldRamp(new long[] {9, 8, 7}, LPS_OBLIQUE);
        Volume r = Resample.toGrid(v, v.dimensions(), v.voxelToWorld(), Interpolation.LINEAR);
        assertArrayEquals(v.toFloatArray(), r.toFloatArray(), 1e-4f, "only affine round-off");
    }

    @Test
    void cropAndPadKeepWorldPositions() {
        Volume v = worldRamp(new long[] {10, 9, 8}, LPS_OBLIQUE);
        Volume cropped = CropPad.toShape(v, new long[] {6, 13, 8});
        assertArrayEquals(new long[] {6, 13, 8}, cropped.dimensions());
        assertEquals(0, valueAt(cropped, 0, 0, 0), "padded rows are 0");
        for (long[] p : new long[][] {{0, 2, 0}, {5, 10, 7}, {3, 6, 4}}) {
            double expected = ramp(cropped.voxelToWorld().apply(new double[] {p[0], p[1], p[2]}));
            assertEquals(expected, valueAt(cropped, p[0], p[1], p[2]), 1e-3, "float32 values near 100");
        }
        Volume back = CropPad.toShape(CropPad.toShape(v, new long[] {14, 13, 12}), new long[] {10, 9, 8});
        assertArrayEquals(v.toFloatArray(), back.toFloatArray(), "pad then crop back is lossless");
        assertTrue(back.voxelToWorld().approxEquals(v.voxelToWorld(), 1e-12));
    }
}
