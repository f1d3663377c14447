package org.neurocurate.quality.iqm;

import java.util.EnumMap;
import java.util.Map;

/**
 * The inputs of one IQM computation plus the intermediate results several features share (the
 * region summaries feed snr, snrd, cnr, cjv and wm2max), computed when the context is made, before
 * any feature runs. (Computed lazily under a lock, they deadlocked a batch once the regions were
 * summarised in parallel: a batch thread held the lock while waiting for a region's fork-join task,
 * and the pool's only worker, running another feature of the same scan, waited for the lock.)
 *
 * <p>The image is cleaned as MRIQC's {@code StructuralQC} does before anything else: NaN → 0 and
 * negative values → 0 ({@code np.nan_to_num} then {@code data[data < 0] = 0}); +∞ becomes
 * {@link Float#MAX_VALUE} (numpy would use the float64 maximum, which a float image cannot hold).
 */
public final class IqmContext {

    private final IqmInputs inputs;
    private final float[] image;
    private final Map<Region, RegionSummary> summaries;

    public IqmContext(IqmInputs inputs) {
        this.inputs = inputs;
        this.image = clean(inputs.image());
        float[][] maps = new float[4][];
        maps[0] = asFloats(inputs.airMask());
        System.arraycopy(inputs.pvms(), 0, maps, 1, 3);
        RegionSummary[] all = WeightedSummaries.compute(image, maps);
        summaries = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            summaries.put(r, all[r.label()]);
        }
    }

    public IqmInputs inputs() {
        return inputs;
    }

    /** The cleaned image (no NaN, no negatives); shared, do not modify. */
    public float[] image() {
        return image;
    }

    /** The weighted summary of a region (background = air mask). */
    public RegionSummary summary(Region region) {
        return summaries.get(region);
    }

    private static float[] clean(float[] in) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            out[i] = v > 0 ? Math.min(v, Float.MAX_VALUE) : 0f;
        }
        return out;
    }

    private static float[] asFloats(boolean[] mask) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1f : 0f;
        }
        return out;
    }
}
