package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

/**
 * Binary morphology on flat boolean volumes with scipy.ndimage's conventions: structuring elements
 * are the 6-neighbour cross ({@code generate_binary_structure(3, 1)}) or the 18-neighbourhood
 * ({@code generate_binary_structure(3, 2)}); erosion treats outside voxels as background, dilation
 * ignores them. Hot loops run on the raw arrays, one z-slab at a time. The {@code Mm} variants use a
 * Euclidean ball of a radius in mm instead (through the exact {@link DistanceTransform}), so the same
 * call does the same thing on isotropic and thick-slice grids.
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
            cur = step(cur, g, c, true, false);
        }
        return cur == in ? in.clone() : cur;
    }

    public static boolean[] erode(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        return erode(in, g, c, iterations, false);
    }

    /** {@link #erode(boolean[], Grid3, Connectivity, int)} with the value voxels outside the grid count as. */
    private static boolean[] erode(boolean[] in, Grid3 g, Connectivity c, int iterations, boolean outside) {
        boolean[] cur = in;
        for (int i = 0; i < iterations; i++) {
            cur = step(cur, g, c, false, outside);
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
     * {@link #open} for an object that goes on beyond the grid: its erosion counts the voxels outside
     * the grid as set (scipy's erosion with {@code border_value=1}), so where a face of the grid cuts
     * the object the opening removes no more there than it would inside. With outside voxels unset,
     * every face voxel is eroded, and the dilation brings back only those above a voxel of the next
     * layer that survived: the object's rim on the face is lost.
     */
    public static boolean[] openAcrossFaces(boolean[] in, Grid3 g, Connectivity c, int iterations) {
        return dilate(erode(in, g, c, iterations, true), g, c, iterations);
    }

    /** Voxels within {@code radiusMm} (Euclidean, mm) of a voxel of {@code in}. */
    public static boolean[] dilateMm(boolean[] in, Grid3 g, double radiusMm) {
        float[] d = DistanceTransform.distanceTo(in, g);
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] <= radiusMm;
        }
        return out;
    }

    /** Voxels of {@code in} farther than {@code radiusMm} (Euclidean, mm) from every voxel outside it in the grid. */
    public static boolean[] erodeMm(boolean[] in, Grid3 g, double radiusMm) {
        boolean[] outside = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            outside[i] = !in[i];
        }
        float[] d = DistanceTransform.distanceTo(outside, g);
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] > radiusMm;
        }
        return out;
    }

    /** {@link #dilateMm} then {@link #erodeMm}: closes gaps and concavities narrower than the ball. */
    public static boolean[] closeMm(boolean[] in, Grid3 g, double radiusMm) {
        return erodeMm(dilateMm(in, g, radiusMm), g, radiusMm);
    }

    /**
     * One dilation (any neighbour set) or erosion (all neighbours set) step; for an erosion, voxels
     * outside the grid count as {@code outside} (a dilation counts them as unset). Interior voxels use
     * precomputed flat offsets; only voxels on the grid faces pay for bounds checks. An erosion's planes
     * run in parallel (each voxel's result is its own).
     */
    private static boolean[] step(boolean[] in, Grid3 g, Connectivity c, boolean dilation, boolean outside) {
        if (dilation) {
            return scatterDilation(in, g, c);
        }
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean[] out = new boolean[in.length];
        int[][] offsets = offsets(c);
        int[] flat = new int[offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            flat[k] = offsets[k][0] + nx * (offsets[k][1] + ny * offsets[k][2]);
        }
        IntStream.range(0, nz).parallel().forEach(z -> {
            boolean zInner = z > 0 && z < nz - 1;
            for (int y = 0; y < ny; y++) {
                boolean inner = zInner && y > 0 && y < ny - 1;
                int row = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    int v = row + x;
                    if (in[v] == dilation) {
                        out[v] = dilation;
                        continue;
                    }
                    boolean hit = false;
                    if (inner && x > 0 && x < nx - 1) {
                        for (int o : flat) {
                            if (in[v + o] == dilation) {
                                hit = true;
                                break;
                            }
                        }
                    } else {
                        hit = borderHit(in, g, x, y, z, offsets, dilation, outside);
                    }
                    out[v] = dilation == hit;
                }
            }
        });
        return out;
    }

    /** Dilation by scattering each set voxel to its neighbours: cost follows the set voxels, not the grid. */
    private static boolean[] scatterDilation(boolean[] in, Grid3 g, Connectivity c) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean[] out = in.clone();
        int[][] offsets = offsets(c);
        int[] flat = new int[offsets.length];
        for (int k = 0; k < offsets.length; k++) {
            flat[k] = offsets[k][0] + nx * (offsets[k][1] + ny * offsets[k][2]);
        }
        for (int z = 0, v = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                boolean inner = z > 0 && z < nz - 1 && y > 0 && y < ny - 1;
                for (int x = 0; x < nx; x++, v++) {
                    if (!in[v]) {
                        continue;
                    }
                    if (inner && x > 0 && x < nx - 1) {
                        for (int o : flat) {
                            out[v + o] = true;
                        }
                    } else {
                        for (int[] d : offsets) {
                            int xx = x + d[0];
                            int yy = y + d[1];
                            int zz = z + d[2];
                            if (xx >= 0 && yy >= 0 && zz >= 0 && xx < nx && yy < ny && zz < nz) {
                                out[xx + nx * (yy + ny * zz)] = true;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** For a face voxel: does some neighbour carry the value that flips it (outside counts as {@code outside})? */
    private static boolean borderHit(boolean[] in, Grid3 g, int x, int y, int z, int[][] offsets, boolean dilation,
            boolean outside) {
        for (int[] d : offsets) {
            int xx = x + d[0];
            int yy = y + d[1];
            int zz = z + d[2];
            boolean inside = xx >= 0 && yy >= 0 && zz >= 0 && xx < g.nx() && yy < g.ny() && zz < g.nz();
            boolean value = inside ? in[xx + g.nx() * (yy + g.ny() * zz)] : outside;
            if (value == dilation) {
                return true;
            }
        }
        return false;
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
