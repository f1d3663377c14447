package org.neurocurate.quality.masks;

/**
 * Binary morphology on flat boolean volumes with scipy.ndimage's conventions: structuring elements
 * are the 6-neighbour cross ({@code generate_binary_structure(3, 1)}) or the 18-neighbourhood
 * ({@code generate_binary_structure(3, 2)}); erosion treats outside voxels as background, dilation
 * ignores them. Hot loops run on the raw arrays, one z-slab at a time.
 */
public final class BinaryMorphology {

    /** Which neighbours a structuring element holds. */
    public enum Connectivity {
        /** Face neighbours (|d|₁ = 1). */
        SIX,
        /** Face and edge neighbours (|d|₁ ≤ 2). */
        EIGHTEEN
    }

    private BinaryMorphology() {
    }

    public static boolean[] dilate(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        boolean[] cur = in;
        for (int i = 0; i < iterations; i++) {
            cur = step(cur, g, c, true);
        }
        return cur == in ? in.clone() : cur;
    }

    public static boolean[] erode(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        boolean[] cur = in;
        for (int i = 0; i < iterations; i++) {
            cur = step(cur, g, c, false);
        }
        return cur == in ? in.clone() : cur;
    }

    /** Erosion then dilation: removes objects thinner than the element. */
    public static boolean[] open(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        return dilate(erode(in, g, c, iterations), g, c, iterations);
    }

    /** Dilation then erosion: closes gaps thinner than the element. */
    public static boolean[] close(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        return erode(dilate(in, g, c, iterations), g, c, iterations);
    }

    /**
     * One dilation (any neighbour set) or erosion (all neighbours set, outside = unset) step.
     */
    private static boolean[] step(boolean[] in, Grid3 g, Connectivity c, boolean dilation) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean[] out = new boolean[in.length];
        int[][] offsets = offsets(c);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int v = row + x;
                    if (in[v] == dilation) {
                        out[v] = dilation;
                        continue;
                    }
                    boolean hit = false;
                    for (int[] d : offsets) {
                        int xx = x + d[0];
                        int yy = y + d[1];
                        int zz = z + d[2];
                        boolean inside = xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz;
                        boolean value = inside && in[xx + nx * (yy + ny * zz)];
                        if (dilation ? value : !value) {
                            hit = true;
                            break;
                        }
                    }
                    out[v] = dilation ? hit : !hit;
                }
            }
        }
        return out;
    }

    private static int[][] offsets(Connectivity c) {
        int count = c == Connectivity.SIX ? 6 : 18;
        int[][] out = new int[count][];
        int k = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int l1 = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (l1 > 0 && l1 <= (c == Connectivity.SIX ? 1 : 2)) {
                        out[k++] = new int[] {dx, dy, dz};
                    }
                }
            }
        }
        return out;
    }
}
