package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

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
        forEachBlockPlane(g, f, (z0, z1, v, rows) -> {
            for (int z = z0; z < z1; z++) {
                for (int y = 0; y < g.ny(); y++) {
                    int row = rows[y];
                    for (int x = 0; x < g.nx(); x++, v++) {
                        sum[row + x / f] += image[v];
                        count[row + x / f]++;
                    }
                }
            }
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
        forEachBlockPlane(g, f, (z0, z1, v, rows) -> {
            for (int z = z0; z < z1; z++) {
                for (int y = 0; y < g.ny(); y++) {
                    int row = rows[y];
                    for (int x = 0; x < g.nx(); x++, v++) {
                        set[row + x / f] += mask[v] ? 1 : 0;
                        count[row + x / f]++;
                    }
                }
            }
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
        forEachBlockPlane(g, f, (z0, z1, v, rows) -> {
            for (int z = z0; z < z1; z++) {
                for (int y = 0; y < g.ny(); y++) {
                    int row = rows[y];
                    for (int x = 0; x < g.nx(); x++, v++) {
                        out[v] = coarse[row + x / f];
                    }
                }
            }
        });
        return out;
    }

    /** Each fine voxel takes the value of the coarse voxel holding it. */
    public static float[] upsample(float[] coarse, Grid3 g, int f) {
        float[] out = new float[g.size()];
        forEachBlockPlane(g, f, (z0, z1, v, rows) -> {
            for (int z = z0; z < z1; z++) {
                for (int y = 0; y < g.ny(); y++) {
                    int row = rows[y];
                    for (int x = 0; x < g.nx(); x++, v++) {
                        out[v] = coarse[row + x / f];
                    }
                }
            }
        });
        return out;
    }

    /**
     * The scan's planes z0 … z1 − 1 that one coarse plane holds, from voxel index {@code v}, with the
     * coarse index of each fine row's first block ({@code rows[y]}).
     */
    @FunctionalInterface
    private interface BlockPlane {
        void accept(int z0, int z1, int v, int[] rows);
    }

    /**
     * Calls {@code body} once per coarse plane (factor f), on the common fork-join pool: a body writes
     * only fine voxels of its planes or coarse voxels of its coarse plane, and visits them in index
     * order, so sums come out as a sequential loop's.
     */
    private static void forEachBlockPlane(Grid3 g, int f, BlockPlane body) {
        Grid3 c = coarse(g, f);
        int plane = g.nx() * g.ny();
        IntStream.range(0, c.nz()).parallel().forEach(cz -> {
            int[] rows = new int[g.ny()];
            for (int y = 0; y < g.ny(); y++) {
                rows[y] = c.nx() * (y / f + c.ny() * cz);
            }
            int z0 = cz * f;
            body.accept(z0, Math.min(g.nz(), z0 + f), z0 * plane, rows);
        });
    }

    private static int ceil(int n, int f) {
        return (n + f - 1) / f;
    }
}
