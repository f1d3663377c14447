package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code efc}: entropy focus criterion (mriqc/qc/anatomical.py {@code efc}; Atkinson et al., IEEE TMI
 * 16(6):903–910, 1997), over voxels outside the rotation mask: with B = √(Σx²),
 * E = Σ (x/B)·ln((x + 1e−16)/B), normalised by its maximum E<sub>max</sub> = N·(1/√N)·ln(1/√N) (all
 * voxels equal), EFC = E / E<sub>max</sub>, rounded to 4 decimals. Ghosting and blurring spread energy
 * and raise it. Lower is better.
 */
public final class EfcFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("efc", Direction.LOWER_IS_BETTER,
                "sum((x/B) ln((x+1e-16)/B)) / (N (1/sqrt N) ln(1/sqrt N)), B = sqrt(sum x^2), outside rotation mask"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        float[] image = context.image();
        boolean[] frame = context.inputs().rotationMask();
        long n = 0;
        double energy = 0;
        for (int i = 0; i < image.length; i++) {
            if (!frame[i]) {
                n++;
                energy += (double) image[i] * image[i];
            }
        }
        double b = Math.sqrt(energy);
        double entropy = 0;
        for (int i = 0; i < image.length; i++) {
            if (!frame[i] && image[i] != 0) {
                double x = image[i];
                entropy += (x / b) * Math.log((x + 1e-16) / b);
            }
        }
        double efcMax = n * (1.0 / Math.sqrt(n)) * Math.log(1.0 / Math.sqrt(n));
        out.put("efc", WeightedSummaries.round4(entropy / efcMax));
    }
}
