package org.neurocurate.artifact;

/**
 * The immutable parameters of one artifact instance, drawn by {@link Artifact#sample} and consumed by
 * {@link Artifact#apply}. Records implementing this are written to the ground truth (as JSON) so any
 * simulated scan can be reproduced.
 */
public interface ArtifactParams {

    /** Severity in [0, 1]: 0 leaves the image unchanged, 1 is the strongest form this simulator makes. */
    double severity();
}
