package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code cnr}: contrast-to-noise ratio (mriqc/qc/anatomical.py {@code cnr}; Magnotta &amp; Friedman,
 * J Digit Imaging 19(2):140–147, 2006): |μ<sub>WM</sub> − μ<sub>GM</sub>| / √(σ<sub>air</sub>² +
 * σ<sub>WM</sub>² + σ<sub>GM</sub>²) with weighted medians and standard deviations. NaN when the air
 * statistics are undefined (empty air mask), as in MRIQC. Higher is better.
 */
public final class CnrFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("cnr", Direction.HIGHER_IS_BETTER,
                "|median_wm - median_gm| / sqrt(stdv_bg^2 + stdv_wm^2 + stdv_gm^2)"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        RegionSummary wm = context.summary(Region.WM);
        RegionSummary gm = context.summary(Region.GM);
        RegionSummary bg = context.summary(Region.BG);
        double noise = Math.sqrt(bg.stdv() * bg.stdv() + gm.stdv() * gm.stdv() + wm.stdv() * wm.stdv());
        out.put("cnr", Math.abs(wm.median() - gm.median()) / noise);
    }
}
