package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Gibbs ringing (truncation artifact): k-space is cut to the central {@code keptFraction} of every
 * axis with a hard (rectangular) window, so each sharp edge rings with the sinc side lobes of the
 * window (overshoot of about 9 % of the step, Gibbs' constant) and the image loses resolution.
 */
public final class GibbsRinging implements Artifact<GibbsRinging.Params> {

    /** Fraction of k-space removed along each axis at severity 1. */
    static final double MAX_CUT = 0.8;

    /**
     * @param severity in [0, 1]
     * @param keptFraction fraction of each axis's frequencies kept (centred), in (0, 1]
     */
    public record Params(double severity, double keptFraction) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (!(keptFraction > 0 && keptFraction <= 1)) {
                throw new IllegalArgumentException("kept k-space fraction must be in (0, 1], got " + keptFraction);
            }
        }
    }

    @Override
    public String key() {
        return "gibbs";
    }

    @Override
    public String description() {
        return "truncates k-space: ringing next to sharp edges";
    }

    /** keptFraction = 1 − 0.8·severity (deterministic). */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), 1 - MAX_CUT * severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.keptFraction() == 1) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] k = KSpace.forward(image, g);
        double[] limit = {p.keptFraction() * g.nx() / 2, p.keptFraction() * g.ny() / 2, p.keptFraction() * g.nz() / 2};
        for (int v = 0; v < image.length; v++) {
            for (int axis = 0; axis < 3; axis++) {
                int f = KSpace.signedFrequency(KSpace.coordinate(v, axis, g), g.dim(axis));
                if (Math.abs(f) > limit[axis]) {
                    k[2 * v] = 0;
                    k[2 * v + 1] = 0;
                    break;
                }
            }
        }
        return VolumeGrid.withValues(volume, KSpace.inverseMagnitude(k, g));
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
