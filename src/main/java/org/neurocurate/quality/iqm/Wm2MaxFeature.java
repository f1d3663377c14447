package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code wm2max}: white-matter-to-maximum ratio (mriqc/qc/anatomical.py {@code wm2max}):
 * μ<sub>WM</sub> / P<sub>99.95</sub>(X), the weighted WM median over the 99.95th percentile (numpy
 * linear) of all voxels. Values near [0.6, 0.8] are expected; low values flag long bright tails
 * (carotids, fat).
 */
public final class Wm2MaxFeature implements IqmFeature {

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("wm2max", Direction.TARGET_RANGE, "median_wm / P99.95(image)"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        float[] image = context.image();
        double[] all = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            all[i] = image[i];
        }
        out.put("wm2max", context.summary(Region.WM).median() / OrderStatistics.percentile(all, all.length, 99.95));
    }
}
