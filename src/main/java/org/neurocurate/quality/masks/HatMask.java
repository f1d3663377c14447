package org.neurocurate.quality.masks;

import org.neurocurate.volume.Affine;

/**
 * The "hat": air above the nasion–inion plane, where Mortamet's artifact detection looks (air below
 * it holds the neck, shoulders and their folded-over signal). Without registration the plane is
 * estimated from head geometry in world (RAS) coordinates: it passes below the brain's centroid by
 * {@code 0.3} of the brain's superior–inferior extent (about the level of the orbital roof and the
 * inion) and rises anteriorly with slope 0.3 (the nasion sits above the inion's posterior projection).
 * Falls back to the head mask's geometry when the brain mask is empty.
 */
public final class HatMask {

    static final double DROP = 0.3;
    static final double SLOPE = 0.3;

    private HatMask() {
    }

    public static boolean[] compute(boolean[] head, boolean[] rotation, boolean[] brain, Grid3 g, Affine voxelToWorld) {
        boolean[] ref = any(brain) ? brain : head;
        double[] centroid = new double[3];
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        long count = 0;
        double[] p = new double[3];
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (ref[v]) {
                        world(voxelToWorld, x, y, z, p);
                        for (int a = 0; a < 3; a++) {
                            centroid[a] += p[a];
                        }
                        zMin = Math.min(zMin, p[2]);
                        zMax = Math.max(zMax, p[2]);
                        count++;
                    }
                }
            }
        }
        boolean[] hat = new boolean[head.length];
        if (count == 0) {
            return hat;
        }
        for (int a = 0; a < 3; a++) {
            centroid[a] /= count;
        }
        double z0 = centroid[2] - DROP * (zMax - zMin);
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (!head[v] && !rotation[v]) {
                        world(voxelToWorld, x, y, z, p);
                        hat[v] = p[2] - z0 > SLOPE * (p[1] - centroid[1]);
                    }
                }
            }
        }
        return hat;
    }

    private static void world(Affine a, int x, int y, int z, double[] out) {
        for (int r = 0; r < 3; r++) {
            out[r] = a.get(r, 0) * x + a.get(r, 1) * y + a.get(r, 2) * z + a.get(r, 3);
        }
    }

    static boolean any(boolean[] m) {
        for (boolean b : m) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
