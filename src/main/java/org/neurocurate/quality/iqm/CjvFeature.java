package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code cjv}: coefficient of joint variation of GM and WM (mriqc/qc/anatomical.py {@code cjv};
 * Ganzetti et al., Front Neuroinform 10:10, 2016): (MAD<sub>WM</sub> + MAD<sub>GM</sub>) /
 * |μ<sub>WM</sub> − μ<sub>GM</sub>|, MRIQC passing the robust MADs as σ and the weighted medians as μ.
 * Rises with head motion and intensity non-uniformity. Lower is better.
 */
public final class CjvFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("cjv", Direction.LOWER_IS_BETTER,
                "(mad_wm + mad_gm) / |median_wm - median_gm|"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        RegionSummary wm = context.summary(Region.WM);
        RegionSummary gm = context.summary(Region.GM);
        out.put("cjv", (wm.mad() + gm.mad()) / Math.abs(wm.median() - gm.median()));
    }
}
