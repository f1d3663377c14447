package org.neurocurate.quality.masks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.neurocurate.volume.Affine;

/**
 * Detects defaced and skull-stripped input from the image and its masks (world RAS coordinates).
 *
 * <p>Face region: voxels anterior to the brain, below the brain's centroid and above a quarter of the
 * brain's height under its lowest point (where the face lies in front of the lower brain). Anonymisation mask: zero voxels (≤ 0) of the face
 * region connected to the grid border (removed or zeroed anatomy). <b>Defaced</b> when zeros fill more
 * than 30 % of the face region and that fraction exceeds the zero fraction of the remaining air by
 * more than 0.2 (so an image whose whole background is zero is not called defaced).
 * <b>Skull-stripped</b> ({@link #strippedSupport}) when the air beyond the head's one-voxel
 * shell is more than 98 % exactly zero (stripping tools zero everything but the brain, while a
 * scanner's air always holds noise) and what is left is a brain: the skull peel takes a thin shell off
 * it, not a scalp and skull. (A head-to-brain volume ratio alone was tried and dropped: it confuses a
 * poor brain mask with a stripped image.)
 *
 * @param mask          anonymisation mask (zeroed anatomy in the face region)
 * @param defaced       face removed or zeroed
 * @param skullStripped only the brain remains
 */
public record Anonymisation(boolean[] mask, boolean defaced, boolean skullStripped) {

    static final double FACE_ZERO_FRACTION = 0.3;
    static final double FACE_EXCESS = 0.2;
    static final double ZERO_AIR = 0.98;
    /** Name of the defaced flag in QC outputs and tables. */
    public static final String DEFACED_FLAG = "defaced";
    /** Name of the skull-stripped flag in QC outputs and tables. */
    public static final String STRIPPED_FLAG = "skull_stripped";
    /** Thickest mean shell (mm) the skull peel may take off a skull-stripped image ({@link #thinPeel}). */
    static final double STRIPPED_SHELL_MM = 10;

    /** The two flags by their names in QC outputs ({@link #DEFACED_FLAG}, {@link #STRIPPED_FLAG}). */
    public Map<String, Boolean> flags() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        out.put(DEFACED_FLAG, defaced);
        out.put(STRIPPED_FLAG, skullStripped);
        return out;
    }

    /**
     * Face region, anonymisation mask and the defaced flag of an image whose skull-stripped flag
     * ({@link #strippedSupport}) is known.
     */
    public static Anonymisation detect(float[] image, boolean[] head, boolean[] brain, boolean stripped, Grid3 g,
            Affine toWorld) {
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
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, v++) {
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
        if (!defaced) {
            mask = new boolean[image.length];
        }
        return new Anonymisation(mask, defaced, stripped);
    }

    /**
     * The stripping tool's mask on grid {@code g} ({@link BrainMask#ofStripped}) when the image is
     * skull-stripped: its air is zero ({@link #zeroAir}) and what is left is a brain ({@link #thinPeel});
     * else null.
     *
     * @param peeled the brain mask made from {@code head} as for an intact head (the skull peel)
     */
    public static boolean[] strippedSupport(float[] image, boolean[] head, boolean[] peeled, Grid3 g) {
        if (!zeroAir(image, head, g)) {
            return null;
        }
        boolean[] support = BrainMask.ofStripped(image, g);
        return thinPeel(peeled, support, g) ? support : null;
    }

    /**
     * For an image whose air is zero ({@link #zeroAir}): true when what is left is a brain, that is
     * when the skull peel ({@code peeled}, the brain mask made as for an intact head) takes a shell of at
     * most {@value #STRIPPED_SHELL_MM} mm mean thickness off its nonzero voxels ({@code support}, see
     * {@code BrainMask.ofStripped}), not a scalp and skull. Thickness: the radius of a sphere of the
     * support's volume times 1 − ∛(peeled / support volume). Measured: 4.4–7.5 mm on 24 skull-stripped
     * generated 1 and 1.25 mm scans, 1.1–4.6 mm on ten at 3 and 4 mm, and 5.6 and 5.4 mm on the real
     * FLAIR and MNI152 2009 template of ../shared/data/nifti; 14.6–15.6 mm on six generated 3 mm intact
     * heads whose air was zeroed, which the zero test alone flagged (and whose brain mask would then have
     * been the whole head).
     */
    static boolean thinPeel(boolean[] peeled, boolean[] support, Grid3 g) {
        long inner = 0;
        long outer = 0;
        for (int v = 0; v < support.length; v++) {
            inner += peeled[v] && support[v] ? 1 : 0;
            outer += support[v] ? 1 : 0;
        }
        if (outer == 0) {
            return false;
        }
        double radius = Math.cbrt(3 * outer * g.voxelVolume() / (4 * Math.PI));
        return radius * (1 - Math.cbrt((double) inner / outer)) <= STRIPPED_SHELL_MM;
    }

    /**
     * True when more than 98 % of the voxels neither in {@code head} nor face-adjacent to it are
     * exactly zero (none: true). The head's one-voxel shell does not count: a stripped image's
     * outermost CSF, where it is darker than the head mask's threshold, lies just outside the head mask,
     * and the block means of a working grid carry the brain's edge a voxel out. On the 2 mm working grid
     * of generated 1 mm scans of a 3 T site (CSF about a sixth of white matter), 97.95 % and 98.12 % of
     * the air outside the head was zero, 99.96 % and 99.99 % beyond the shell; the skull-stripped real
     * FLAIR of ../shared/data/nifti, 97.25 % and 99.89 % (not flagged before); generated scans with
     * scanner air at most 9.7 % either way.
     */
    static boolean zeroAir(float[] image, boolean[] head, Grid3 g) {
        boolean[] near = BinaryMorphology.dilate(head, g, BinaryMorphology.Connectivity.SIX, 1);
        long air = 0;
        long zero = 0;
        for (int v = 0; v < image.length; v++) {
            if (!near[v]) {
                air++;
                zero += image[v] > 0 ? 0 : 1;
            }
        }
        return air == 0 || (double) zero / air > ZERO_AIR;
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
