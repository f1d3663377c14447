package org.neurocurate.learn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.learn.data.augment.AugmentationPipeline;
import org.neurocurate.learn.data.augment.CropResize;
import org.neurocurate.learn.data.augment.Cutout;
import org.neurocurate.learn.data.augment.Flip;
import org.neurocurate.learn.data.augment.GaussianBlur;
import org.neurocurate.learn.data.augment.GaussianNoise;
import org.neurocurate.learn.data.augment.IntensityScaleShift;
import org.neurocurate.learn.data.augment.SmallAffine;

class AugmentationTest {

    private static FloatGrid ramp(int nx, int ny, int nz) {
        FloatGrid g = FloatGrid.zeros(nx, ny, nz);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    g.data()[g.index(x, y, z)] = x + 10 * y + 100 * z;
                }
            }
        }
        return g;
    }

    @Test
    void sameSeedSamePlanAndSameView() {
        FloatGrid g = ramp(12, 10, 8);
        AugmentationPipeline p = AugmentationPipeline.defaults();
        AugmentationPipeline.Plan a = p.sample(new Random(5), g);
        AugmentationPipeline.Plan b = p.sample(new Random(5), g);
        assertEquals(a, b, "parameter records compare by value");
        assertArrayEquals(a.apply(g).data(), b.apply(g).data(), 0f);
        assertNotEquals(a, p.sample(new Random(6), g));
    }

    @Test
    void augmentationsNeverModifyTheirInput() {
        FloatGrid g = ramp(8, 8, 8);
        float[] copy = g.data().clone();
        AugmentationPipeline.defaults().sample(new Random(1), g).apply(g);
        new Cutout(0.5).sample(new Random(2), g).apply(g);
        assertArrayEquals(copy, g.data(), 0f);
    }

    @Test
    void flipAlongXMirrorsRows() {
        FloatGrid g = ramp(5, 3, 2);
        FloatGrid f = new Flip.Params(true, false, false).apply(g);
        assertEquals(4 + 10 * 2 + 100, f.data()[f.index(0, 2, 1)]);
        assertEquals(0 + 10 * 2 + 100, f.data()[f.index(4, 2, 1)]);
    }

    @Test
    void fullBoxCropIsTheIdentityAndAHalfBoxMagnifies() {
        FloatGrid g = ramp(8, 8, 8);
        // the full box samples every voxel centre exactly; float rounding of the positions only
        assertArrayEquals(g.data(), new CropResize.Params(0, 0, 0, 8, 8, 8).apply(g).data(), 1e-3f);
        FloatGrid half = new CropResize.Params(0, 0, 0, 4, 8, 8).apply(g);
        // output x = 7 samples input x = 0 + 7.5·0.5 − 0.5 = 3.25 on a linear ramp
        assertEquals(3.25f, half.data()[half.index(7, 0, 0)], 1e-4f);
    }

    @Test
    void blurKeepsTheMeanOfAConstantAndSmoothsAStep() {
        FloatGrid c = FloatGrid.zeros(6, 6, 6);
        java.util.Arrays.fill(c.data(), 3f);
        // normalised kernel with clamped borders: a constant stays constant up to float rounding
        for (float v : new GaussianBlur.Params(1.0).apply(c).data()) {
            assertEquals(3f, v, 1e-5f);
        }
        FloatGrid step = ramp(6, 1, 1);
        FloatGrid b = new GaussianBlur.Params(1.0).apply(step);
        assertEquals(2.0f, b.data()[2], 0.05f, "a linear ramp is preserved away from the borders (symmetric kernel)");
    }

    @Test
    void cutoutZeroesExactlyItsBox() {
        FloatGrid g = ramp(6, 6, 6);
        FloatGrid c = new Cutout.Params(1, 2, 3, 2, 2, 2).apply(g);
        int zeros = 0;
        for (float v : c.data()) {
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(8 + 1, zeros, "the 2x2x2 box plus the ramp's own 0 at the origin");
    }

    @Test
    void noiseHasTheSampledStandardDeviation() {
        FloatGrid g = FloatGrid.zeros(32, 32, 32);
        float[] v = new GaussianNoise.Params(0.1, 9).apply(g).data();
        double ss = 0;
        for (float f : v) {
            ss += f * f;
        }
        // 32768 samples: the sample std is within ~1% of 0.1 (3 standard errors ≈ 1.2%)
        assertEquals(0.1, Math.sqrt(ss / v.length), 0.002);
    }

    @Test
    void intensityAndAffineParametersActAsDocumented() {
        FloatGrid g = ramp(7, 7, 7);
        FloatGrid s = new IntensityScaleShift.Params(2, 1).apply(g);
        assertEquals(2 * g.data()[100] + 1, s.data()[100], 1e-4f);
        FloatGrid same = new SmallAffine.Params(0, 0, 0, 1).apply(g);
        assertArrayEquals(g.data(), same.data(), 1e-3f, "identity affine reproduces the grid up to float rounding");
        FloatGrid rot = new SmallAffine.Params(0, 0, Math.toRadians(10), 1).apply(g);
        assertFalse(java.util.Arrays.equals(g.data(), rot.data()));
        assertEquals(g.data()[g.index(3, 3, 3)], rot.data()[rot.index(3, 3, 3)], 1e-3f, "the centre is fixed");
    }

    @Test
    void batchOfAStepDoesNotDependOnWorkersOrOrder() throws Exception {
        InMemoryDataset d = org.neurocurate.learn.GeneratedCohort.make(6, 12, 3);
        ViewBatchFactory one = new ViewBatchFactory(d, AugmentationPipeline.defaults(), 4, 99, 1);
        ViewBatchFactory two = new ViewBatchFactory(d, AugmentationPipeline.defaults(), 4, 99, 2);
        ViewBatch late = one.make(7);
        two.make(3);
        ViewBatch other = two.make(7);
        assertArrayEquals(late.indices(), other.indices());
        assertArrayEquals(late.voxels(), other.voxels(), 0f);
        two.shutdown();
        try (BatchPrefetcher p = new BatchPrefetcher(one, 5, 7, 2)) {
            p.next();
            p.next();
            assertArrayEquals(late.voxels(), p.next().voxels(), 0f);
        }
    }
}
