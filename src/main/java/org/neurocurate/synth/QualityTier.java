package org.neurocurate.synth;

import java.util.List;

/**
 * The true quality tier of a synthetic scan, from the severities of the artifacts it was given, on
 * NeuroCurate's scale of 1 (unusable) to 5 (excellent). With s = the largest severity (0 without
 * artifacts):
 * <pre>
 *   tier 5  s &lt; 0.10   excellent: clean (site noise and bias only)
 *   tier 4  s &lt; 0.30   good: minor artifact
 *   tier 3  s &lt; 0.50   moderate artifact
 *   tier 2  s &lt; 0.75   poor: severe artifact
 *   tier 1  s ≥ 0.75   unusable
 * </pre>
 * Each artifact's severity scale is set so that 1 is unusable (see the artifact classes); defacing
 * and skull-stripping are site processing, not defects, and do not change the tier.
 */
public final class QualityTier {

    private static final double[] UPPER = {0.10, 0.30, 0.50, 0.75};

    private QualityTier() {
    }

    /** Tier 5 (excellent) to 1 (unusable) for a largest severity s. */
    public static int ofSeverity(double s) {
        for (int t = 0; t < UPPER.length; t++) {
            if (s < UPPER[t]) {
                return 5 - t;
            }
        }
        return 1;
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
