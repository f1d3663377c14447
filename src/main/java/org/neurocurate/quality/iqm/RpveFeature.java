package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rpve_<tissue>}: residual partial-volume error (mriqc/qc/anatomical.py {@code rpve}). The map
 * is clipped to [0, 1]; values below P<sub>2</sub> or above P<sub>98</sub> of its positive values are
 * set to 0; then rPVE = [Σ<sub>p &gt; 0.5</sub> p + Σ<sub>p ≤ 0.5</sub> (1 − p)] / N<sub>p &gt; 0</sub>,
 * where the second sum runs over every voxel with p ≤ 0.5, zeros included (so values above 1 are
 * normal), and N counts the positive voxels before trimming. Reproduced as MRIQC computes it.
 * NaN for an empty map. Lower is better.
 */
public final class RpveFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.tissues()) {
            out.add(IqmDefinition.of("rpve_" + r.key(), Direction.LOWER_IS_BETTER,
                    "residual partial-volume error of the " + r.key() + " map (MRIQC rpve)"));
        }
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        Region[] tissues = Region.tissues();
        double[] values = Arrays.stream(tissues).parallel().mapToDouble(r -> rpve(context.inputs().pvms()[r.label() - 1]))
                .toArray();
        for (int t = 0; t < tissues.length; t++) {
            out.put("rpve_" + tissues[t].key(), values[t]);
        }
    }

    static double rpve(float[] map) {
        int n = 0;
        for (float p : map) {
            n += clip(p) > 0 ? 1 : 0;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] positive = new double[n];
        for (int v = 0, i = 0; i < n; v++) {
            double c = clip(map[v]);
            if (c > 0) {
                positive[i++] = c;
            }
        }
        double upper = OrderStatistics.percentile(positive, n, 98);
        double lower = OrderStatistics.percentile(positive, n, 2);
        double sum = 0;
        for (float p : map) {
            double c = clip(p);
            if (c < lower || c > upper) {
                c = 0;
            }
            sum += c > 0.5 ? c : 1.0 - c;
        }
        return sum / n;
    }

    private static double clip(float p) {
        return p < 0 ? 0 : (p >= 1 ? 1 : p);
    }
}
