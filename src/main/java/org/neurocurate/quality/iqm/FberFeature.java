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
            if (head[i]) {
                fg[nf++] = image[i];
            } else if (!rot[i]) {
                bg[nb++] = image[i];
            }
        }
        out.put("fber", fber(medianEnergy(fg, nf), medianEnergy(bg, nb)));
    }

    /**
     * median(x²) of non-negative values: x² is monotone there, so the middle pair of x, squared, gives
     * numpy's median of the squares exactly (mean of the two squared middle values for even counts).
     */
    static double medianEnergy(double[] x, int n) {
        double[] pair = OrderStatistics.middlePair(x, n);
        return (pair[0] * pair[0] + pair[1] * pair[1]) / 2;
    }

    static double fber(double foregroundEnergy, double backgroundEnergy) {
        if (backgroundEnergy < 1.0e-3) {
            return -1.0;
        }
        return WeightedSummaries.round4(foregroundEnergy / backgroundEnergy);
    }
}
