package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code inu_range} and {@code inu_med}: the bias (intensity non-uniformity) field inside the brain
 * (segmentation &gt; 0), as MRIQC StructuralQC summarises the N4 field (Tustison et al., IEEE TMI
 * 29(6):1310–1320, 2010): range = |P<sub>95</sub> − P<sub>5</sub>|, med = median (numpy linear
 * percentiles). Values closer to 1 (med) and 0 (range) are better. NaN for an empty brain.
 */
public final class InuFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(
                IqmDefinition.of("inu_med", Direction.TARGET_RANGE, "median of the bias field where segm > 0"),
                IqmDefinition.of("inu_range", Direction.LOWER_IS_BETTER, "|P95 - P5| of the bias field where segm > 0"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        float[] bias = context.inputs().bias();
        byte[] segm = context.inputs().segmentation();
        double[] values = new double[bias.length];
        int n = 0;
        for (int i = 0; i < bias.length; i++) {
            if (segm[i] != 0) {
                values[n++] = bias[i];
            }
        }
        double p95 = OrderStatistics.percentile(values, n, 95);
        double p05 = OrderStatistics.percentile(values, n, 5);
        double median = OrderStatistics.median(values, n);
        out.put("inu_med", median);
        out.put("inu_range", Math.abs(p95 - p05));
    }
}
