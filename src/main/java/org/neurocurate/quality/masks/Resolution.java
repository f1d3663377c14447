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
        int nx = g.nx();
        forEachRow(g, f, (v, row) -> {
            for (int x = 0; x < nx; x++) {
                sum[row + x / f] += image[v + x];
                count[row + x / f]++;
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
        int nx = g.nx();
        forEachRow(g, f, (v, row) -> {
            for (int x = 0; x < nx; x++) {
                set[row + x / f] += mask[v + x] ? 1 : 0;
                count[row + x / f]++;
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
        int nx = g.nx();
        forEachRow(g, f, (v, row) -> {
            for (int x = 0; x < nx; x++) {
                out[v + x] = coarse[row + x / f];
            }
        });
        return out;
    }

    /** Each fine voxel takes the value of the coarse voxel holding it. */
    public static float[] upsample(float[] coarse, Grid3 g, int f) {
        float[] out = new float[g.size()];
        int nx = g.nx();
        forEachRow(g, f, (v, row) -> {
            for (int x = 0; x < nx; x++) {
                out[v + x] = coarse[row + x / f];
            }
        });
        return out;
    }

    /** A row of the scan's grid: the index of its first voxel and of the coarse voxel holding that one. */
    @FunctionalInterface
    private interface Row {
        void accept(int v, int row);
    }

    /**
     * Calls {@code body} for every row of {@code g} with its coarse row (factor f), the rows of one
     * coarse plane in index order in one task on the common fork-join pool. A body writes only its
     * row's fine voxels or its coarse row's voxels, and the fine rows that share a coarse row lie in
     * one coarse plane, so sums come out as a sequential loop's.
     */
    private static void forEachRow(Grid3 g, int f, Row body) {
        Grid3 c = coarse(g, f);
        IntStream.range(0, c.nz()).parallel().forEach(cz -> {
            for (int z = cz * f; z < Math.min(g.nz(), cz * f + f); z++) {
                for (int y = 0; y < g.ny(); y++) {
                    body.accept(g.nx() * (y + g.ny() * z), c.nx() * (y / f + c.ny() * cz));
                }
            }
        });
    }

    private static int ceil(int n, int f) {
        return (n + f - 1) / f;
    }
}
