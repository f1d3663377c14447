package org.neurocurate.quality.tissue;

/**
 * A 3-class tissue segmentation on the image grid.
 *
 * @param labels    hard labels: 0 outside the brain, 1 CSF, 2 GM, 3 WM (FSL FAST's convention)
 * @param pvms      partial-volume maps CSF, GM, WM: expected tissue fraction of each voxel; 0 outside the brain
 * @param bias      the scan's multiplicative bias field ({@link N3Field}, median 1 in the brain), on the whole grid
 * @param corrected the image divided by the bias field
 * @param means     pure-tissue means of the mixture (CSF, GM, WM), on the values corrected by the tissue
 *                  model's own field ({@link TissueModel})
 */
public record TissueMaps(byte[] labels, float[][] pvms, float[] bias, float[] corrected, double[] means) {

    /** Takes the voxels {@code voxels} out of {@code brain} and out of these labels and maps, in place. */
    public void remove(boolean[] voxels, boolean[] brain) {
        for (int v = 0; v < voxels.length; v++) {
            if (voxels[v]) {
                brain[v] = false;
                labels[v] = 0;
                for (float[] map : pvms) {
                    map[v] = 0;
                }
            }
        }
    }
}
