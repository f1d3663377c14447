package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code qi_1}: Mortamet's first quality index (mriqc/qc/anatomical.py {@code art_qi1}; Mortamet et
 * al., MRM 62(2):365–372, 2009): the fraction of the hat (air above the nasion–cerebellum plane)
 * occupied by artifacts, |artifacts| / (|air| + |artifacts|), the air mask excluding artifacts. −1 when
 * the air mask is empty (skull-stripped or heavily processed input), as MRIQC defines. Lower is better.
 */
public final class Qi1Feature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("qi_1", Direction.LOWER_IS_BETTER,
                "artifact voxels / (air voxels + artifact voxels); -1 if the air mask is empty"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        out.put("qi_1", qi1(count(context.inputs().airMask()), count(context.inputs().artifactMask())));
    }

    static double qi1(long air, long artifacts) {
        if (air < 1) {
            return -1.0;
        }
        return (double) artifacts / (air + artifacts);
    }

    private static long count(boolean[] mask) {
        long c = 0;
        for (boolean b : mask) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
