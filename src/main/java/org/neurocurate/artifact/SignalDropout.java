package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Signal dropout in a slab (e.g. a failed slice group or susceptibility signal loss): voxels whose
 * index along {@code axis} lies within the slab are multiplied by 1 − attenuation·w, where w is 1 in
 * the slab and falls to 0 with a half-cosine over {@link #TAPER_VOXELS} voxels on each side.
 */
public final class SignalDropout implements Artifact<SignalDropout.Params> {

    /** Width of the soft edge on each side of the slab, in voxels. */
    public static final double TAPER_VOXELS = 2;

    /**
     * @param severity in [0, 1]
     * @param axis slab normal (0 = i, 1 = j, 2 = k)
     * @param centre slab centre as a fraction of the axis length, in [0, 1]
     * @param thickness slab thickness as a fraction of the axis length, in (0, 1]
     * @param attenuation fraction of signal lost in the slab, in [0, 1]
     */
    public record Params(double severity, int axis, double centre, double thickness, double attenuation)
            implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (axis < 0 || axis > 2 || centre < 0 || centre > 1 || !(thickness > 0 && thickness <= 1)
                    || !(attenuation >= 0 && attenuation <= 1)) {
                throw new IllegalArgumentException("dropout needs axis 0-2, centre in [0,1], thickness in (0,1], attenuation in [0,1]");
            }
        }
    }

    @Override
    public String key() {
        return "dropout";
    }

    @Override
    public String description() {
        return "attenuates a slab of slices";
    }

    /** Attenuation = severity; axis uniform; centre in [0.3, 0.7]; thickness in [0.05, 0.15]. */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), random.nextInt(3), 0.3 + 0.4 * random.nextDouble(),
                0.05 + 0.1 * random.nextDouble(), severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.attenuation() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] gain = profile(g.dim(p.axis()), p);
        for (int v = 0; v < image.length; v++) {
            image[v] *= gain[KSpace.coordinate(v, p.axis(), g)];
        }
        return VolumeGrid.withValues(volume, image);
    }

    /** The gain along the slab axis, one value per index. */
    public static float[] profile(int n, Params p) {
        double half = p.thickness() * n / 2;
        double c = p.centre() * (n - 1);
        float[] gain = new float[n];
        for (int t = 0; t < n; t++) {
            double outside = Math.abs(t - c) - half;
            double w = outside <= 0 ? 1 : outside >= TAPER_VOXELS ? 0
                    : 0.5 * (1 + Math.cos(Math.PI * outside / TAPER_VOXELS));
            gain[t] = (float) (1 - p.attenuation() * w);
        }
        return gain;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
