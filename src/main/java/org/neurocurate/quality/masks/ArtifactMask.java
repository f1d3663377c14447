package org.neurocurate.quality.masks;

import org.neurocurate.quality.iqm.OrderStatistics;
import org.neurocurate.quality.masks.BinaryMorphology.Connectivity;

/**
 * Mortamet's artifact mask (Mortamet et al., MRM 62(2):365–372, 2009; as MRIQC's
 * {@code artifact_mask}): positive hat voxels are standardised by the hat's median and normalised MAD
 * (median|x − m| / 0.6745); those above z = 10 that lie at least 10 % of the hat's largest distance
 * from the head are candidates; an opening with the 6-neighbour cross keeps only clustered ones.
 * Empty when the hat has fewer than 100 positive voxels or no spread (constant background).
 */
public final class ArtifactMask {

    static final double Z_SCORE = 10;
    static final double MIN_RELATIVE_DISTANCE = 0.10;

    private ArtifactMask() {
    }

    /** With the distance to the head computed here (exact EDT on this grid). */
    public static boolean[] compute(float[] image, boolean[] head, boolean[] hat, Grid3 g) {
        return compute(image, hat, DistanceTransform.distanceTo(head, g), g);
    }

    /**
     * @param distanceToHead distance (mm) of every voxel to the head mask, e.g. computed on a coarser
     *                       grid and replicated (only its ratio to the largest hat distance matters)
     */
    public static boolean[] compute(float[] image, boolean[] hat, float[] distanceToHead, Grid3 g) {
        int positive = 0;
        for (int i = 0; i < image.length; i++) {
            if (hat[i] && image[i] > 0) {
                positive++;
            }
        }
        boolean[] art = new boolean[image.length];
        if (positive < 100) {
            return art;
        }
        double[] values = new double[positive];
        int k = 0;
        for (int i = 0; i < image.length; i++) {
            if (hat[i] && image[i] > 0) {
                values[k++] = image[i];
            }
        }
        double median = OrderStatistics.median(values, values.length);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        double spread = OrderStatistics.median(values, values.length) / 0.6744897501960817;
        if (!(spread > 0)) {
            return art;
        }
        float[] distance = distanceToHead;
        double maxDistance = 0;
        for (int i = 0; i < image.length; i++) {
            if (hat[i]) {
                maxDistance = Math.max(maxDistance, distance[i]);
            }
        }
        for (int i = 0; i < image.length; i++) {
            art[i] = hat[i] && image[i] > 0 && (image[i] - median) / spread > Z_SCORE
                    && distance[i] >= MIN_RELATIVE_DISTANCE * maxDistance;
        }
        art = BinaryMorphology.open(art, g, Connectivity.SIX, 1);
        for (int i = 0; i < art.length; i++) {
            art[i] &= hat[i];
        }
        return art;
    }

}
