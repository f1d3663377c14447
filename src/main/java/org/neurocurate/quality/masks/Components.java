package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

/**
 * Connected components and flood fills on flat boolean volumes (6-connectivity), breadth-first with a
 * primitive int queue: largest, central and large-enough components, hole filling (background not
 * reachable from the border), and the part of a mask connected to seeds or to the grid border.
 */
public final class Components {

    private Components() {
    }

    /** The largest 6-connected component of {@code mask} (empty in, empty out). */
    public static boolean[] largest(boolean[] mask, Grid3 g) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        for (int v = 0; v < mask.length; v++) {
            if (mask[v] && label[v] == 0) {
                next++;
                int size = fill(mask, g, v, label, next, queue);
                if (size > bestSize) {
                    bestSize = size;
                    best = next;
                }
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int v = 0; v < mask.length; v++) {
            out[v] = best != 0 && label[v] == best;
        }
        return out;
    }

    /**
     * The 6-connected component of {@code mask} with the most voxels within {@code radius} mm of
     * {@code centre} (voxel coordinates); ties go to the larger component. Picks the brain rather than
     * a larger neck or scalp piece.
     */
    public static boolean[] mostCentral(boolean[] mask, Grid3 g, double[] centre, double radius) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int next = 0;
        java.util.List<long[]> scores = new java.util.ArrayList<>();
        for (int v = 0; v < mask.length; v++) {
            if (mask[v] && label[v] == 0) {
                next++;
                int size = fill(mask, g, v, label, next, queue);
                long central = 0;
                for (int i = 0; i < size; i++) {
                    int w = queue[i];
                    double dx = (w % g.nx() - centre[0]) * g.spacing()[0];
                    double dy = ((w / g.nx()) % g.ny() - centre[1]) * g.spacing()[1];
                    double dz = (w / (g.nx() * g.ny()) - centre[2]) * g.spacing()[2];
                    if (dx * dx + dy * dy + dz * dz <= radius * radius) {
                        central++;
                    }
                }
                scores.add(new long[] {next, central, size});
            }
        }
        long[] best = null;
        for (long[] s : scores) {
            if (best == null || s[1] > best[1] || (s[1] == best[1] && s[2] > best[2])) {
                best = s;
            }
        }
        boolean[] out = new boolean[mask.length];
        if (best != null) {
            for (int v = 0; v < mask.length; v++) {
                out[v] = label[v] == best[0];
            }
        }
        return out;
    }

    /**
     * The union of the 6-connected components of {@code mask} whose centroid lies within
     * {@code radius} mm of {@code centre} (voxel coordinates), or the {@link #mostCentral} one when none does (a brain
     * core split in two hemispheres stays whole).
     */
    public static boolean[] central(boolean[] mask, Grid3 g, double[] centre, double radius) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        boolean[] keep = new boolean[mask.length + 1];
        int next = 0;
        boolean any = false;
        for (int v = 0; v < mask.length; v++) {
            if (mask[v] && label[v] == 0) {
                next++;
                int size = fill(mask, g, v, label, next, queue);
                double cx = 0;
                double cy = 0;
                double cz = 0;
                for (int i = 0; i < size; i++) {
                    int w = queue[i];
                    cx += w % g.nx();
                    cy += (w / g.nx()) % g.ny();
                    cz += w / (g.nx() * g.ny());
                }
                double dx = (cx / size - centre[0]) * g.spacing()[0];
                double dy = (cy / size - centre[1]) * g.spacing()[1];
                double dz = (cz / size - centre[2]) * g.spacing()[2];
                if (size >= 8 && dx * dx + dy * dy + dz * dz <= radius * radius) {
                    keep[next] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return mostCentral(mask, g, centre, radius);
        }
        boolean[] out = new boolean[mask.length];
        for (int v = 0; v < mask.length; v++) {
            out[v] = keep[label[v]];
        }
        return out;
    }

    /** The 6-connected components of {@code mask} with at least {@code minVoxels} voxels. */
    public static boolean[] atLeast(boolean[] mask, Grid3 g, int minVoxels) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        boolean[] out = new boolean[mask.length];
        int next = 0;
        for (int v = 0; v < mask.length; v++) {
            if (mask[v] && label[v] == 0) {
                next++;
                int size = fill(mask, g, v, label, next, queue);
                for (int i = 0; size >= minVoxels && i < size; i++) {
                    out[queue[i]] = true;
                }
            }
        }
        return out;
    }

    /** The voxels of {@code mask} 6-connected within it to a voxel of {@code seeds} (seeds outside the mask count for nothing). */
    public static boolean[] reachedFrom(boolean[] seeds, boolean[] mask, Grid3 g) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        for (int v = 0; v < mask.length; v++) {
            if (seeds[v] && mask[v] && label[v] == 0) {
                fill(mask, g, v, label, 1, queue);
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int v = 0; v < mask.length; v++) {
            out[v] = label[v] == 1;
        }
        return out;
    }

    /**
     * The voxels of {@code mask} 4-connected within it, inside their own slice across {@code axis}, to a
     * voxel of {@code seeds} in that slice: {@link #reachedFrom} with no step along {@code axis}.
     */
    public static boolean[] reachedInSlices(boolean[] seeds, boolean[] mask, Grid3 g, int axis) {
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] stride = {1, g.nx(), g.nx() * g.ny()};
        int[] inPlane = {axis == 0 ? 1 : 0, axis == 2 ? 1 : 2};
        boolean[] out = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int v = 0; v < mask.length; v++) {
            if (seeds[v] && mask[v]) {
                out[v] = true;
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int a : inPlane) {
                int c = (v / stride[a]) % n[a];
                if (c > 0 && mask[v - stride[a]] && !out[v - stride[a]]) {
                    out[v - stride[a]] = true;
                    queue[tail++] = v - stride[a];
                }
                if (c < n[a] - 1 && mask[v + stride[a]] && !out[v + stride[a]]) {
                    out[v + stride[a]] = true;
                    queue[tail++] = v + stride[a];
                }
            }
        }
        return out;
    }

    /** Centroid of a mask in voxel coordinates (NaN for an empty mask). */
    public static double[] centroid(boolean[] mask, Grid3 g) {
        double[] c = new double[3];
        long n = 0;
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (mask[v]) {
                        c[0] += x;
                        c[1] += y;
                        c[2] += z;
                        n++;
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            c[a] = n == 0 ? Double.NaN : c[a] / n;
        }
        return c;
    }

    /** {@code mask} with every enclosed hole (background not 6-connected to the border) set. */
    public static boolean[] fillHoles(boolean[] mask, Grid3 g) {
        boolean[] background = new boolean[mask.length];
        for (int v = 0; v < mask.length; v++) {
            background[v] = !mask[v];
        }
        boolean[] outside = connectedToBorder(background, g);
        boolean[] out = new boolean[mask.length];
        for (int v = 0; v < mask.length; v++) {
            out[v] = !outside[v];
        }
        return out;
    }

    /**
     * {@code mask} with the holes of every slice across each of the three axes set: background of a
     * slice not 4-connected within the slice to the slice's edge. A 3D hole that reaches the grid's
     * border through one narrow passage (the skull's interior, through the foramen magnum and the neck
     * cut by the field of view) is still enclosed in most slices; every hole of {@link #fillHoles} is
     * enclosed in all its slices, so this fills it too.
     */
    public static boolean[] fillHolesInSlices(boolean[] mask, Grid3 g) {
        boolean[] out = mask.clone();
        int[] n = {g.nx(), g.ny(), g.nz()};
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            int u = axis == 0 ? 1 : 0;
            int w = axis == 2 ? 1 : 2;
            int nu = n[u];
            int nw = n[w];
            // slices of one axis are independent: each reads the input and sets voxels of its own slice
            IntStream.range(0, n[axis]).parallel().forEach(k -> {
                boolean[] outside = new boolean[nu * nw];
                int[] queue = new int[nu * nw];
                int[] at = new int[3];
                int head = 0;
                int tail = 0;
                at[a] = k;
                for (int j = 0; j < nw; j++) {
                    for (int i = 0; i < nu; i++) {
                        if ((i == 0 || j == 0 || i == nu - 1 || j == nw - 1) && !mask[sliceIndex(g, at, u, i, w, j)]) {
                            outside[j * nu + i] = true;
                            queue[tail++] = j * nu + i;
                        }
                    }
                }
                while (head < tail) {
                    int q = queue[head++];
                    int i = q % nu;
                    int j = q / nu;
                    for (int step = 0; step < 4; step++) {
                        int ni = i + (step == 0 ? -1 : step == 1 ? 1 : 0);
                        int nj = j + (step == 2 ? -1 : step == 3 ? 1 : 0);
                        int r = nj * nu + ni;
                        if (ni >= 0 && ni < nu && nj >= 0 && nj < nw && !outside[r]
                                && !mask[sliceIndex(g, at, u, ni, w, nj)]) {
                            outside[r] = true;
                            queue[tail++] = r;
                        }
                    }
                }
                for (int j = 0; j < nw; j++) {
                    for (int i = 0; i < nu; i++) {
                        if (!outside[j * nu + i]) {
                            out[sliceIndex(g, at, u, i, w, j)] = true;
                        }
                    }
                }
            });
        }
        return out;
    }

    private static int sliceIndex(Grid3 g, int[] at, int u, int i, int w, int j) {
        at[u] = i;
        at[w] = j;
        return g.index(at[0], at[1], at[2]);
    }

    /** Voxels of {@code mask} 6-connected to a voxel of the mask on the grid border. */
    public static boolean[] connectedToBorder(boolean[] mask, Grid3 g) {
        boolean[] border = new boolean[mask.length];
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    border[v] = g.onBorder(x, y, z);
                }
            }
        }
        return reachedFrom(border, mask, g);
    }

    /** Labels the component of {@code seed}; returns its size. */
    private static int fill(boolean[] mask, Grid3 g, int seed, int[] label, int id, int[] queue) {
        int nx = g.nx();
        int nxy = nx * g.ny();
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        label[seed] = id;
        while (head < tail) {
            int v = queue[head++];
            int x = v % nx;
            int y = (v / nx) % g.ny();
            int z = v / nxy;
            if (x > 0) {
                tail = visit(mask, label, queue, tail, v - 1, id);
            }
            if (x < nx - 1) {
                tail = visit(mask, label, queue, tail, v + 1, id);
            }
            if (y > 0) {
                tail = visit(mask, label, queue, tail, v - nx, id);
            }
            if (y < g.ny() - 1) {
                tail = visit(mask, label, queue, tail, v + nx, id);
            }
            if (z > 0) {
                tail = visit(mask, label, queue, tail, v - nxy, id);
            }
            if (z < g.nz() - 1) {
                tail = visit(mask, label, queue, tail, v + nxy, id);
            }
        }
        return tail;
    }

    private static int visit(boolean[] mask, int[] label, int[] queue, int tail, int w, int id) {
        if (mask[w] && label[w] == 0) {
            label[w] = id;
            queue[tail++] = w;
        }
        return tail;
    }
}
