package org.neurocurate.synth;

import java.util.List;

/**
 * The true quality tier of a synthetic scan, from the severities of the artifacts it was given.
 * With s = the largest severity (0 without artifacts):
 * <pre>
 *   tier 1  s &lt; 0.10   clean (site noise and bias only)
 *   tier 2  s &lt; 0.30   minor artifact
 *   tier 3  s &lt; 0.50   moderate
 *   tier 4  s &lt; 0.75   severe
 *   tier 5  s ≥ 0.75   unusable
 * </pre>
 * Each artifact's severity scale is set so that 1 is unusable (see the artifact classes); defacing
 * and skull-stripping are site processing, not defects, and do not change the tier.
 */
public final class QualityTier {

    private static final double[] UPPER = {0.10, 0.30, 0.50, 0.75};

    private QualityTier() {
    }

    /** Tier 1–5 for a largest severity s. */
    public static int ofSeverity(double s) {
        for (int t = 0; t < UPPER.length; t++) {
            if (s < UPPER[t]) {
                return t + 1;
            }
        }
        return 5;
    }

    /** Tier for a scan's artifacts. */
    public static int of(List<PlannedArtifact> artifacts) {
        return ofSeverity(maxSeverity(artifacts));
    }

    /** The largest severity, 0 for none. */
    public static double maxSeverity(List<PlannedArtifact> artifacts) {
        return artifacts.stream().mapToDouble(PlannedArtifact::severity).max().orElse(0);
    }

    /** The key of the most severe artifact, or "none". */
    public static String reason(List<PlannedArtifact> artifacts) {
        return artifacts.stream().max(java.util.Comparator.comparingDouble(PlannedArtifact::severity))
                .map(PlannedArtifact::key).orElse("none");
    }
}
