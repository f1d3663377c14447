package org.neurocurate.quality.masks;

import org.neurocurate.quality.masks.BinaryMorphology.Connectivity;

/**
 * Skull stripping from the image alone, for T1w-like contrast (white matter and scalp bright). Inside
 * the head, Otsu's threshold separates bright (WM, often GM, scalp fat) from dark (GM or CSF, bone)
 * voxels. The bright set is eroded by {@code erosionMm} to cut bridges between brain and scalp, and the
 * components centred within 0.4 head radii of the head's centroid are kept (the brain core, both
 * hemispheres, not the scalp ring or the neck) and dilated back. The core then grows up to {@code csfMarginMm} through
 * dark head voxels only (GM, CSF and bone, which T1w cannot reliably tell apart by intensity), which
 * stops it at the bright scalp; the grown region is closed and filled, and a {@value #SKULL_MM} mm
 * skull shell is peeled off where it borders the rest of the head (adult calvaria are about 5–7 mm).
 * The largest remaining component is closed once more and its holes (ventricles) filled.
 */
public final class BrainMask {

    /** Skull thickness (mm) peeled off where the grown brain meets the scalp; adult calvaria are about 5–7 mm. */
    static final double SKULL_MM = 6;

    private BrainMask() {
    }

    public static boolean[] compute(float[] image, boolean[] head, Grid3 g, double erosionMm, double csfMarginMm) {
        double t = Otsu.threshold(image, head);
        boolean[] bright = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            bright[i] = head[i] && image[i] > t;
        }
        double voxel = Math.cbrt(g.voxelVolume());
        int erosion = Math.max(1, (int) Math.round(erosionMm / voxel));
        int margin = Math.max(0, (int) Math.round(csfMarginMm / voxel));
        boolean[] core = BinaryMorphology.erode(bright, g, Connectivity.SIX, erosion);
        long headVoxels = 0;
        for (boolean b : head) {
            headVoxels += b ? 1 : 0;
        }
        double[] centre = Components.centroid(head, g);
        double radius = 0.4 * Math.cbrt(3.0 * headVoxels / (4 * Math.PI));
        core = Components.central(core, g, centre, radius);
        boolean[] brain = BinaryMorphology.dilate(core, g, Connectivity.SIX, erosion);
        for (int i = 0; i < brain.length; i++) {
            brain[i] &= bright[i];
        }
        for (int step = 0; step < margin; step++) {
            boolean[] grown = BinaryMorphology.dilate(brain, g, Connectivity.SIX, 1);
            for (int i = 0; i < grown.length; i++) {
                brain[i] = brain[i] || (grown[i] && head[i] && image[i] <= t);
            }
        }
        boolean[] filled = Components.fillHoles(BinaryMorphology.close(brain, g, Connectivity.EIGHTEEN, 1), g);
        boolean[] beyond = new boolean[head.length];
        for (int i = 0; i < head.length; i++) {
            beyond[i] = head[i] && !filled[i];
        }
        float[] toScalp = DistanceTransform.distanceTo(beyond, g);
        for (int i = 0; i < brain.length; i++) {
            brain[i] = filled[i] && toScalp[i] > SKULL_MM;
        }
        brain = Components.largest(brain, g);
        brain = BinaryMorphology.close(brain, g, Connectivity.EIGHTEEN, 2);
        return Components.fillHoles(brain, g);
    }
}
