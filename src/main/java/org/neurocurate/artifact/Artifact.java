package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * One kind of MRI artifact, simulated in two steps as TorchIO's transforms are: a seeded
 * {@link #sample} draws immutable parameters for a severity, and a deterministic {@link #apply} uses
 * them. The same parameters on the same volume always give the same image; severity 0 returns the
 * input values unchanged.
 *
 * @param <P> the parameters record of this artifact
 */
public interface Artifact<P extends ArtifactParams> {

    /** Stable snake_case key, used in ground-truth tables and on the command line (e.g. "motion"). */
    String key();

    /** One line on what the artifact does physically. */
    String description();

    /**
     * Draws parameters for the given severity.
     *
     * @param severity in [0, 1]
     * @param random the only source of randomness
     */
    P sample(double severity, Random random);

    /** Applies the artifact to a 3D volume; returns a new float volume with the input's geometry. */
    Volume apply(Volume volume, P params);

    /** The parameters record class, for reading ground truth back. */
    Class<P> paramsType();

    /** Throws unless {@code severity} is a number in [0, 1]. */
    static double checkSeverity(double severity) {
        if (!(severity >= 0 && severity <= 1)) {
            throw new IllegalArgumentException("severity must be in [0, 1], got " + severity);
        }
        return severity;
    }
}
