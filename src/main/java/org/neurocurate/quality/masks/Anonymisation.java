package org.neurocurate.quality.masks;

import org.neurocurate.volume.Affine;

/**
 * Detects defaced and skull-stripped input from the image and its masks (world RAS coordinates).
 *
 * <p>Face region: voxels anterior to the brain, below the brain's centroid and above a quarter of the
 * brain's height under its lowest point (where the face lies in front of the lower brain). Anonymisation mask: zero voxels (≤ 0) of the face
 * region connected to the grid border (removed or zeroed anatomy). <b>Defaced</b> when zeros fill more
 * than 30 % of the face region and that fraction exceeds the zero fraction of the remaining air by
 * more than 0.2 (so an image whose whole background is zero is not called defaced).
 * <b>Skull-stripped</b> when the air outside the head (and outside the face region) is more than 98 %
 * exactly zero: stripping tools zero everything but the brain, while a scanner's air always holds
 * noise. (A head-to-brain volume ratio was tried and dropped: it confuses a poor brain mask with a
 * stripped image.)
 *
 * @param mask          anonymisation mask (zeroed anatomy in the face region)
 * @param defaced       face removed or zeroed
 * @param skullStripped only the brain remains
 */
public record Anonymisation(boolean[] mask, boolean defaced, boolean skullStripped) {

    static final double FACE_ZERO_FRACTION = 0.3;
    static final double FACE_EXCESS = 0.2;
    static final double ZERO_AIR = 0.98;

    public static Anonymisation detect(float[] image, boolean[] head, boolean[] brain, Grid3 g, Affine toWorld) {
        double[] box = worldBox(brain, g, toWorld);
        boolean[] zero = new boolean[image.length];
        for (int v = 0; v < image.length; v++) {
            zero[v] = !(image[v] > 0);
        }
        boolean[] borderZero = Components.connectedToBorder(zero, g);
        boolean[] mask = new boolean[image.length];
        long face = 0;
        long faceZero = 0;
        long air = 0;
        long airZero = 0;
        long brainCount = 0;
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    brainCount += brain[v] ? 1 : 0;
                    boolean inFace = box != null && inFaceRegion(toWorld, x, y, z, box);
                    if (inFace) {
                        face++;
                        if (borderZero[v]) {
                            faceZero++;
                            mask[v] = true;
                        }
                    } else if (!head[v]) {
                        air++;
                        airZero += zero[v] ? 1 : 0;
                    }
                }
            }
        }
        double faceFraction = face == 0 ? 0 : (double) faceZero / face;
        double airFraction = air == 0 ? 1 : (double) airZero / air;
        boolean defaced = faceFraction > FACE_ZERO_FRACTION && faceFraction > airFraction + FACE_EXCESS;
        boolean stripped = brainCount > 0 && airFraction > ZERO_AIR;
        if (!defaced) {
            mask = new boolean[image.length];
        }
        return new Anonymisation(mask, defaced, stripped);
    }

    /** {yMin, yMax, zMin, zMax, zCentroid} of the brain in world mm; null for an empty brain. */
    private static double[] worldBox(boolean[] brain, Grid3 g, Affine a) {
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 0};
        long n = 0;
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
                    if (brain[v]) {
                        double wy = world(a, 1, x, y, z);
                        double wz = world(a, 2, x, y, z);
                        box[0] = Math.min(box[0], wy);
                        box[1] = Math.max(box[1], wy);
                        box[2] = Math.min(box[2], wz);
                        box[3] = Math.max(box[3], wz);
                        box[4] += wz;
                        n++;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        box[4] /= n;
        return box;
    }

    private static boolean inFaceRegion(Affine a, int x, int y, int z, double[] box) {
        double wy = world(a, 1, x, y, z);
        double wz = world(a, 2, x, y, z);
        return wy > box[1] && wz < box[4] && wz > box[2] - 0.25 * (box[3] - box[2]);
    }

    private static double world(Affine a, int row, int x, int y, int z) {
        return a.get(row, 0) * x + a.get(row, 1) * y + a.get(row, 2) * z + a.get(row, 3);
    }
}
