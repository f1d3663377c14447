package org.neurocurate.quality.masks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The head mask on heads the field of view cuts and in noise that reaches above its threshold. */
class HeadMaskTest {

    /**
     * A thin bright scalp around wide dark skull and CSF (an old subject's atrophy) and a bright brain,
     * with a dark canal from the brain down through the bottom of the field of view (foramen magnum and
     * spinal canal, the neck cut by the field of view): in 3D the skull's interior is not a hole, and the
     * opening removes the thin scalp, so the head mask was the brain alone (a generated 1 mm scan of an
     * 87-year-old: brain Dice 0.70). Filled slice by slice it is the whole head.
     */
    @Test
    void theSkullInteriorJoinsTheHeadEvenWhenItReachesTheBorder() {
        Grid3 g = new Grid3(40, 40, 40, new double[] {4, 4, 4});
        Random r = new Random(2);
        float[] image = new float[g.size()];
        boolean[] inside = new boolean[g.size()];
        eachVoxel(g, (i, x, y, z) -> {
            double d = Math.sqrt((x - 20) * (x - 20) + (y - 20) * (y - 20) + (z - 24.0) * (z - 24.0) * 1.2);
            boolean canal = Math.hypot(x - 20, y - 20) < 2 && z < 24;
            double v = d < 10.5 && !canal ? 500 : d < 17 ? 20 : d < 18 ? 600 : 5;
            image[i] = (float) Math.max(0, v + 5 * r.nextGaussian());
            inside[i] = d < 17;
        });
        boolean[] head = HeadMask.compute(image, g);
        int in = 0;
        int total = 0;
        for (int i = 0; i < head.length; i++) {
            total += inside[i] ? 1 : 0;
            in += inside[i] && head[i] ? 1 : 0;
        }
        assertTrue(in >= 0.95 * total, "head mask holds " + in + " of the " + total + " voxels inside the scalp");
    }

    /**
     * A head (scalp, dark skull, brain) whose top the grid's top face cuts: the mask holds the head
     * up to that face. The closing's erosion counts the grid's outside as background and cleared the
     * two top layers, which then counted as air.
     */
    @Test
    void aHeadTheFieldOfViewCutsKeepsItsOutermostLayers() {
        Grid3 g = new Grid3(40, 40, 30, new double[] {4, 4, 4});
        Random r = new Random(3);
        float[] image = new float[g.size()];
        boolean[] inside = new boolean[g.size()];
        eachVoxel(g, (i, x, y, z) -> {
            double d = Math.sqrt((x - 20) * (x - 20) + (y - 20) * (y - 20) + (z - 20.0) * (z - 20.0));
            double v = d < 13 ? 500 : d < 16 ? 20 : d < 18 ? 600 : 5;
            image[i] = (float) Math.max(0, v + 5 * r.nextGaussian());
            inside[i] = d < 18;
        });
        boolean[] head = HeadMask.compute(image, g);
        for (int z = 26; z < 30; z++) {
            int in = 0;
            int total = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    total += inside[g.index(x, y, z)] ? 1 : 0;
                    in += inside[g.index(x, y, z)] && head[g.index(x, y, z)] ? 1 : 0;
                }
            }
            assertTrue(total > 100 && in >= 0.95 * total, "slice " + z + ": head mask holds " + in + " of the "
                    + total + " voxels inside the scalp");
        }
    }

    /**
     * A bright ball in Rician noise (σ 12 against 100) whose air reaches above the threshold
     * P2 + 0.1·(P98 − P2) in more than half of its voxels: the head mask is the ball and no more than a
     * voxel's rim around it. Thresholded voxel by voxel, the air's brighter voxels joined the head in
     * clumps the opening leaves, and the air mask kept its darker ones.
     */
    @Test
    void noisyAirAboveTheThresholdStaysOutOfTheHead() {
        Grid3 g = new Grid3(40, 40, 40, new double[] {2, 2, 2});
        Random r = new Random(4);
        float[] image = new float[g.size()];
        double[] distance = new double[g.size()];
        double sigma = 12;
        eachVoxel(g, (i, x, y, z) -> {
            distance[i] = Math.sqrt((x - 20) * (x - 20) + (y - 20) * (y - 20) + (z - 20.0) * (z - 20.0));
            double v = distance[i] < 11 ? 100 : 0;
            image[i] = (float) Math.hypot(v + sigma * r.nextGaussian(), sigma * r.nextGaussian());
        });
        double t = HeadMask.robustThreshold(image);
        int airAbove = 0;
        int air = 0;
        for (int i = 0; i < image.length; i++) {
            if (distance[i] >= 13) {
                air++;
                airAbove += image[i] > t ? 1 : 0;
            }
        }
        assertTrue(airAbove > 0.5 * air, "the noise should reach above the threshold: " + airAbove + " of " + air);
        boolean[] head = HeadMask.compute(image, g);
        int ball = 0;
        int ballIn = 0;
        int beyond = 0;
        for (int i = 0; i < head.length; i++) {
            ball += distance[i] < 11 ? 1 : 0;
            ballIn += distance[i] < 11 && head[i] ? 1 : 0;
            beyond += distance[i] >= 13 && head[i] ? 1 : 0;
        }
        assertTrue(ballIn >= 0.98 * ball, "head mask holds " + ballIn + " of the ball's " + ball + " voxels");
        assertTrue(beyond <= 0.01 * air, beyond + " of " + air + " air voxels two voxels beyond the ball are head");
    }

    /** What a phantom sets at voxel {@code i} = (x, y, z). */
    private interface VoxelSetter {
        void set(int i, int x, int y, int z);
    }

    /** Calls {@code setter} for every voxel of {@code g}, in index order (so a seeded generator's draws repeat). */
    private static void eachVoxel(Grid3 g, VoxelSetter setter) {
        for (int z = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++) {
                    setter.set(g.index(x, y, z), x, y, z);
                }
            }
        }
    }
}
