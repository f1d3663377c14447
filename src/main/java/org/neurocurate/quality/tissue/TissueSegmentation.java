package org.neurocurate.quality.tissue;

import java.util.Arrays;

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
 *
 * <p>{@link #fit} learns mixture and bias on a working grid (coarse for speed); {@link #apply} evaluates
 * the bias on the scan's grid, refits the mixture there (noise is larger at full resolution than in
 * block means) and computes the MRF posteriors.
 */
public final class TissueSegmentation {

    private TissueSegmentation() {
    }

    /** Fit and apply on the same grid. */
    public static TissueMaps segment(float[] image, boolean[] brain, Grid3 g, TissueConfig config, ProgressListener progress) {
        return apply(fit(image, brain, g, config, progress), image, brain, g, config);
    }

    /** Learns the intensity mixture and the bias field (alternating, {@code biasRounds} times). */
    public static TissueModel fit(float[] image, boolean[] brain, Grid3 g, TissueConfig config, ProgressListener progress) {
        int[] voxels = indices(brain);
        int n = voxels.length;
        if (n < 10) {
            return null;
        }
        float[] x = new float[n];
        BiasField bias = BiasField.flat();
        float[] field = null;
        IntensityMixture mixture = null;
        double[] q = new double[3];
        for (int round = 0; round <= config.biasRounds(); round++) {
            for (int i = 0; i < n; i++) {
                x[i] = field == null ? image[voxels[i]] : image[voxels[i]] / field[voxels[i]];
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
            int[] used = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                float raw = image[voxels[i]];
                if (raw > 0) {
                    mixture.posterior(x[i], q);
                    double expected = q[0] * mixture.mean[0] + q[1] * mixture.mean[1] + q[2] * mixture.mean[2];
                    if (expected > 0) {
                        residual[m] = Math.log(raw) - Math.log(expected);
                        used[m++] = voxels[i];
                    }
                }
            }
            bias = BiasField.estimate(Arrays.copyOf(residual, m), Arrays.copyOf(used, m), g,
                    config.biasBlockMm(), config.biasSmoothingBlocks());
            field = bias.evaluate(g);
        }
        return new TissueModel(mixture, bias);
    }

    /** Bias, corrected image, posteriors and labels on grid {@code g} (same physical frame as the fit). */
    public static TissueMaps apply(TissueModel model, float[] image, boolean[] brain, Grid3 g, TissueConfig config) {
        int size = image.length;
        float[] bias = model == null ? filled(size) : model.bias.evaluate(g);
        float[] corrected = new float[size];
        for (int v = 0; v < size; v++) {
            corrected[v] = image[v] / bias[v];
        }
        int[] voxels = indices(brain);
        if (model == null || voxels.length < 10) {
            return new TissueMaps(new byte[size], new float[3][size], bias, corrected, new double[3]);
        }
        float[] x = new float[voxels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = corrected[voxels[i]];
        }
        IntensityMixture mixture = model.mixture.copy();
        mixture.fit(x, config.emIterations());
        float[][] post = MeanFieldMrf.posteriors(x, voxels, brain, g, mixture, config.mrfBeta(), config.mrfIterations());
        return assemble(corrected, bias, voxels, post, mixture, config.brightCsf());
    }

    private static TissueMaps assemble(float[] corrected, float[] bias, int[] voxels, float[][] post,
            IntensityMixture mixture, boolean brightCsf) {
        int size = corrected.length;
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
        double[] means = new double[3];
        for (int t = 0; t < 3; t++) {
            means[t] = mixture.mean[classOfTissue[t]];
        }
        return new TissueMaps(labels, pvms, bias, corrected, means);
    }

    private static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        for (int v = 0, i = 0; v < mask.length; v++) {
            if (mask[v]) {
                out[i++] = v;
            }
        }
        return out;
    }

    private static float[] filled(int size) {
        float[] out = new float[size];
        Arrays.fill(out, 1f);
        return out;
    }
}
