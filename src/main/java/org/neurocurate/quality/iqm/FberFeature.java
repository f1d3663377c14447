package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code fber}: foreground-background energy ratio (mriqc/qc/anatomical.py {@code fber}; Shehzad et
 * al., Front Neurosci conf. abstract, Neuroinformatics 2015): median(|x|²) inside the head mask over
 * median(|x|²) outside it, excluding the rotation (zero-padding) mask, rounded to 4 decimals. −1 when
 * the background energy is below 1e−3 (no signal outside the head, e.g. skull-stripped input), as
 * MRIQC defines. Higher is better.
 */
public final class FberFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("fber", Direction.HIGHER_IS_BETTER,
                "median(x^2 in head) / median(x^2 outside head and rotation mask); -1 if background energy < 1e-3"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        IqmInputs in = context.inputs();
        float[] image = context.image();
        boolean[] head = in.headMask();
        boolean[] rot = in.rotationMask();
        double[] fg = new double[image.length];
        double[] bg = new double[image.length];
        int nf = 0;
        int nb = 0;
        for (int i = 0; i < image.length; i++) {
            double e = (double) image[i] * image[i];
            if (head[i]) {
                fg[nf++] = e;
            } else if (!rot[i]) {
                bg[nb++] = e;
            }
        }
        double fgMu = OrderStatistics.median(fg, nf);
        double bgMu = OrderStatistics.median(bg, nb);
        out.put("fber", fber(fgMu, bgMu));
    }

    static double fber(double foregroundEnergy, double backgroundEnergy) {
        if (backgroundEnergy < 1.0e-3) {
            return -1.0;
        }
        return WeightedSummaries.round4(foregroundEnergy / backgroundEnergy);
    }
}
