package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code icvs_<tissue>}: intracranial volume fractions (mriqc/qc/anatomical.py {@code volume_fraction}):
 * ICV<sup>k</sup> = Σ<sub>i</sub> p<sup>k</sup><sub>i</sub> / Σ<sub>tissues</sub> Σ<sub>i</sub> p<sub>i</sub>
 * over the partial-volume maps. Should sit in a normative range.
 */
public final class IcvsFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.tissues()) {
            out.add(IqmDefinition.of("icvs_" + r.key(), Direction.TARGET_RANGE,
                    "sum of the " + r.key() + " partial-volume map / sum of all three maps"));
        }
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        float[][] pvms = context.inputs().pvms();
        double[] sums = new double[3];
        double total = 0;
        for (int k = 0; k < 3; k++) {
            for (float p : pvms[k]) {
                sums[k] += p;
            }
            total += sums[k];
        }
        for (Region r : Region.tissues()) {
            out.put("icvs_" + r.key(), sums[r.label() - 1] / total);
        }
    }
}
