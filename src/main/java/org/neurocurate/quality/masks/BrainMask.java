package org.neurocurate.quality.masks;

import org.neurocurate.quality.masks.BinaryMorphology.Connectivity;

/**
 * Skull stripping from the image alone, for T1w-like contrast (brain tissue brighter than skull and
 * CSF). Inside the head, Otsu's threshold separates dark (bone, CSF) from bright (GM, WM, scalp)
 * voxels; the bright set is eroded by {@code erosionMm} to cut the thin bridges between brain and
 * scalp, the component most present near the head's centroid is kept (the brain core, not a larger neck or
 * scalp piece) and dilated back by the erosion. The CSF
 * around the brain is then taken in by growing up to {@code csfMarginMm} into voxels brighter than a
 * second Otsu threshold among the dark head voxels (CSF is brighter than bone and air in T1w); the
 * result is limited to the head, closed and its holes (ventricles) filled.
 */
public final class BrainMask {

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
        core = Components.mostCentral(core, g, centre, radius);
        boolean[] brain = BinaryMorphology.dilate(core, g, Connectivity.SIX, erosion);
        for (int i = 0; i < brain.length; i++) {
            brain[i] &= bright[i];
        }
        brain = Components.largest(brain, g);
        boolean[] dark = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            dark[i] = head[i] && image[i] <= t;
        }
        double tCsf = Otsu.threshold(image, dark);
        for (int step = 0; step < margin; step++) {
            boolean[] grown = BinaryMorphology.dilate(brain, g, Connectivity.SIX, 1);
            for (int i = 0; i < grown.length; i++) {
                brain[i] = brain[i] || (grown[i] && head[i] && image[i] > tCsf);
            }
        }
        brain = BinaryMorphology.close(brain, g, Connectivity.EIGHTEEN, 2);
        return Components.fillHoles(brain, g);
    }
}
