package org.neurocurate.quality.masks;

/**
 * Moving between a scan's grid and a coarser working grid (integer factor f per axis): block means
 * down, nearest (block replication) up. Mask building and tissue modelling run on the coarse grid
 * (≈2 mm), which is eight times fewer voxels at 1 mm and ample for masks and smooth fields.
 */
public final class Resolution {

    private Resolution() {
    }

    /** The coarse grid: ⌈n/f⌉ voxels of f times the spacing along each axis. */
    public static Grid3 coarse(Grid3 g, int f) {
        double[] s = g.spacing();
        return new Grid3(ceil(g.nx(), f), ceil(g.ny(), f), ceil(g.nz(), f), new double[] {s[0] * f, s[1] * f, s[2] * f});
    }

    /** Mean of each f×f×f block (partial blocks at the far edges average what they hold). */
    public static float[] blockMean(float[] image, Grid3 g, int f) {
        Grid3 c = coarse(g, f);
        double[] sum = new double[c.size()];
        int[] count = new int[c.size()];
        forEachVoxel(g, f, (v, w) -> {
            sum[w] += image[v];
            count[w]++;
        });
        float[] out = new float[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / count[i]);
        }
        return out;
    }

    /** The value of each f×f×f block's first voxel (its lowest x, y and z): a subsample, not a mean. */
    public static float[] blockSample(float[] image, Grid3 g, int f) {
        Grid3 c = coarse(g, f);
        float[] out = new float[c.size()];
        for (int z = 0, w = 0; z < c.nz(); z++) {
            for (int y = 0; y < c.ny(); y++) {
                for (int x = 0; x < c.nx(); x++, w++) {
                    out[w] = image[g.index(x * f, y * f, z * f)];
                }
            }
        }
        return out;
    }

    /** A coarse voxel is set when at least half of the fine voxels of its block are set. */
    public static boolean[] blockMajority(boolean[] mask, Grid3 g, int f) {
        Grid3 c = coarse(g, f);
        int[] set = new int[c.size()];
        int[] count = new int[c.size()];
        forEachVoxel(g, f, (v, w) -> {
            set[w] += mask[v] ? 1 : 0;
            count[w]++;
        });
        boolean[] out = new boolean[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * set[i] >= count[i];
        }
        return out;
    }

    /** Each fine voxel takes the value of the coarse voxel holding it. */
    public static boolean[] upsample(boolean[] coarse, Grid3 g, int f) {
        boolean[] out = new boolean[g.size()];
        forEachVoxel(g, f, (v, w) -> out[v] = coarse[w]);
        return out;
    }

    /** Each fine voxel takes the value of the coarse voxel holding it. */
    public static float[] upsample(float[] coarse, Grid3 g, int f) {
        float[] out = new float[g.size()];
        forEachVoxel(g, f, (v, w) -> out[v] = coarse[w]);
        return out;
    }

    /** A voxel of the scan's grid (index v) and the coarse voxel holding it (index w). */
    @FunctionalInterface
    private interface VoxelInBlock {
        void accept(int v, int w);
    }

    /** Calls {@code action} for every voxel of {@code g}, in index order, with its coarse voxel (factor f). */
    private static void forEachVoxel(Grid3 g, int f, VoxelInBlock action) {
        Grid3 c = coarse(g, f);
        for (int z = 0, v = 0; z < g.nz(); z++) {
            int cz = z / f;
            for (int y = 0; y < g.ny(); y++) {
                int rowC = c.nx() * (y / f + c.ny() * cz);
                for (int x = 0; x < g.nx(); x++, v++) {
                    action.accept(v, rowC + x / f);
                }
            }
        }
    }

    private static int ceil(int n, int f) {
        return (n + f - 1) / f;
    }
}
