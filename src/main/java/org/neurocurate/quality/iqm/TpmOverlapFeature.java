package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tpm_overlap_<tissue>}: fuzzy Jaccard overlap between the image's partial-volume map and a
 * template tissue probability map (mriqc/interfaces/anatomical.py {@code fuzzy_jaccard}):
 * JI<sup>k</sup> = Σ min(p<sup>k</sup>, t<sup>k</sup>) / Σ max(p<sup>k</sup>, t<sup>k</sup>). NaN when no
 * template is given. Higher is better.
 */
public final class TpmOverlapFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> out = new ArrayList<>();
        for (Region r : Region.tissues()) {
            out.add(IqmDefinition.of("tpm_overlap_" + r.key(), Direction.HIGHER_IS_BETTER,
                    "sum(min(pvm, tpm)) / sum(max(pvm, tpm)) for " + r.key()));
        }
        return out;
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        float[][] tpms = context.inputs().templateTpms();
        for (Region r : Region.tissues()) {
            int k = r.label() - 1;
            out.put("tpm_overlap_" + r.key(), tpms == null ? Double.NaN : fuzzyJaccard(context.inputs().pvms()[k], tpms[k]));
        }
    }

    static double fuzzyJaccard(float[] a, float[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += Math.min(a[i], b[i]);
            den += Math.max(a[i], b[i]);
        }
        return num / den;
    }
}
