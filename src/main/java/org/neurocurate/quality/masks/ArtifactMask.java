package org.neurocurate.quality.masks;

import java.util.stream.IntStream;

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
        // per plane in parallel: the positive hat voxels (gathered in voxel order) and the hat's farthest distance
        int planes = g.nz();
        int plane = g.nx() * g.ny();
        int[] offset = new int[planes + 1];
        double[] farthest = new double[planes];
        IntStream.range(0, planes).parallel().forEach(z -> {
            int n = 0;
            double max = 0;
            for (int i = z * plane, end = i + plane; i < end; i++) {
                if (hat[i]) {
                    n += image[i] > 0 ? 1 : 0;
                    max = Math.max(max, distanceToHead[i]);
                }
            }
            offset[z + 1] = n;
            farthest[z] = max;
        });
        double maxDistance = 0;
        for (int z = 0; z < planes; z++) {
            offset[z + 1] += offset[z];
            maxDistance = Math.max(maxDistance, farthest[z]);
        }
        int positive = offset[planes];
        if (positive < 100) {
            return new boolean[image.length];
        }
        double[] values = new double[positive];
        IntStream.range(0, planes).parallel().forEach(z -> {
            for (int i = z * plane, end = i + plane, k = offset[z]; i < end; i++) {
                if (hat[i] && image[i] > 0) {
                    values[k++] = image[i];
                }
            }
        });
        double median = OrderStatistics.median(values, values.length);
        IntStream.range(0, positive).parallel().forEach(k -> values[k] = Math.abs(values[k] - median));
        double spread = OrderStatistics.median(values, values.length) / 0.6744897501960817;
        if (!(spread > 0)) {
            return new boolean[image.length];
        }
        double minDistance = MIN_RELATIVE_DISTANCE * maxDistance;
        boolean[] candidates = new boolean[image.length];
        IntStream.range(0, planes).parallel().forEach(z -> {
            for (int i = z * plane, end = i + plane; i < end; i++) {
                candidates[i] = hat[i] && image[i] > 0 && (image[i] - median) / spread > Z_SCORE
                        && distanceToHead[i] >= minDistance;
            }
        });
        boolean[] art = BinaryMorphology.open(candidates, g, Connectivity.SIX, 1);
        for (int i = 0; i < art.length; i++) {
            art[i] &= hat[i];
        }
        return art;
    }

}
