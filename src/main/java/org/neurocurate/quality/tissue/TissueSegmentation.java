package org.neurocurate.quality.tissue;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.masks.Grid3;

/**
 * Three-class brain tissue segmentation with partial-volume maps and a bias-field estimate, from the
 * image and a brain mask: an intensity Gaussian mixture (EM, {@link IntensityMixture}) alternating
 * with a smooth multiplicative bias field ({@link BiasField}: log residual of the image against the
 * posterior-expected class mean), then a Potts Markov random field by mean-field sweeps,
 * q<sub>k</sub>(v) ∝ π<sub>k</sub> N(x<sub>v</sub>; μ<sub>k</sub>, σ<sub>k</sub>) exp(β Σ<sub>u∈N6(v)</sub>
 * q<sub>k</sub>(u)) (Zhang, Brady &amp; Smith, IEEE TMI 20(1):45–57, 2001, the model behind FSL FAST).
 * The posteriors are the partial-volume maps; labels are their arg-max.
 */
public final class TissueSegmentation {

    private TissueSegmentation() {
    }

    public static TissueMaps segment(float[] image, boolean[] brain, Grid3 g, TissueConfig config, ProgressListener progress) {
        int n = 0;
        for (boolean b : brain) {
            if (b) {
                n++;
            }
        }
        int[] voxels = new int[n];
        for (int v = 0, i = 0; v < brain.length; v++) {
            if (brain[v]) {
                voxels[i++] = v;
            }
        }
        float[] bias = new float[image.length];
        java.util.Arrays.fill(bias, 1f);
        if (n < 10) {
            return new TissueMaps(new byte[image.length], new float[3][image.length], bias, image.clone(), new double[3]);
        }
        float[] x = new float[n];
        IntensityMixture mixture = null;
        double[] q = new double[3];
        for (int round = 0; round <= config.biasRounds(); round++) {
            for (int i = 0; i < n; i++) {
                x[i] = image[voxels[i]] / bias[voxels[i]];
            }
            if (mixture == null) {
                mixture = IntensityMixture.initial(x);
            }
            mixture.fit(x, config.emIterations());
            progress.status("tissue segmentation: round " + (round + 1) + " of " + (config.biasRounds() + 1));
            if (round == config.biasRounds()) {
                break;
            }
            double[] residual = new double[n];
            int used = 0;
            int[] usedVoxels = new int[n];
            for (int i = 0; i < n; i++) {
                float raw = image[voxels[i]];
                if (raw > 0) {
                    mixture.posterior(x[i], q);
                    double expected = q[0] * mixture.mean[0] + q[1] * mixture.mean[1] + q[2] * mixture.mean[2];
                    if (expected > 0) {
                        residual[used] = Math.log(raw) - Math.log(expected);
                        usedVoxels[used++] = voxels[i];
                    }
                }
            }
            bias = BiasField.estimate(java.util.Arrays.copyOf(residual, used), java.util.Arrays.copyOf(usedVoxels, used),
                    g, config.biasBlockMm(), config.biasSmoothingBlocks());
        }
        float[][] post = MeanFieldMrf.posteriors(x, voxels, brain, g, mixture, config.mrfBeta(), config.mrfIterations());
        return assemble(image, bias, voxels, post, mixture, config.brightCsf());
    }

    private static TissueMaps assemble(float[] image, float[] bias, int[] voxels, float[][] post,
            IntensityMixture mixture, boolean brightCsf) {
        int size = image.length;
        byte[] labels = new byte[size];
        float[][] pvms = new float[3][size];
        int[] classOfTissue = brightCsf ? new int[] {2, 1, 0} : new int[] {0, 1, 2};
        for (int i = 0; i < voxels.length; i++) {
            int best = 0;
            for (int t = 0; t < 3; t++) {
                float p = post[classOfTissue[t]][i];
                pvms[t][voxels[i]] = p;
                if (p > post[classOfTissue[best]][i]) {
                    best = t;
                }
            }
            labels[voxels[i]] = (byte) (best + 1);
        }
        float[] corrected = new float[size];
        for (int v = 0; v < size; v++) {
            corrected[v] = image[v] / bias[v];
        }
        double[] means = new double[3];
        for (int t = 0; t < 3; t++) {
            means[t] = mixture.mean[classOfTissue[t]];
        }
        return new TissueMaps(labels, pvms, bias, corrected, means);
    }
}
