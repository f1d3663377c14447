package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Defacing, as anonymisation tools do it: every voxel beyond a plane cutting off the face is set to 0.
 * The plane's normal points anterior-inferior, n = (0, 1, −1)/√2 in RAS world coordinates (mm), and it
 * sits at distance (1 − cut)·R from the head's centroid c, where R is the largest projection
 * (p − c)·n over the head (voxels above 10 % of the {@link IntensityReference}) and
 * cut = {@code cutFraction}. Larger cuts remove more of the face, then the nose-side of the head.
 */
public final class Defacing implements Artifact<Defacing.Params> {

    /** cut fraction at severity 1. */
    static final double MAX_CUT = 0.5;

    private static final double[] NORMAL = {0, Math.sqrt(0.5), -Math.sqrt(0.5)};

    /**
     * @param severity in [0, 1]
     * @param cutFraction fraction of the head's anterior-inferior extent removed, in [0, 1]
     */
    public record Params(double severity, double cutFraction) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (!(cutFraction >= 0 && cutFraction <= 1)) {
                throw new IllegalArgumentException("deface cut fraction must be in [0, 1], got " + cutFraction);
            }
        }
    }

    @Override
    public String key() {
        return "deface";
    }

    @Override
    public String description() {
        return "removes the face beyond an anterior-inferior plane";
    }

    /** cut = 0.5·severity (deterministic). */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), MAX_CUT * severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.cutFraction() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        boolean[] removed = mask(volume, image, p);
        for (int v = 0; v < image.length; v++) {
            if (removed[v]) {
                image[v] = 0;
            }
        }
        return VolumeGrid.withValues(volume, image);
    }

    /**
     * True for the voxels these parameters remove from this image. The projection (p − c)·n is affine
     * in the voxel index, α·i + β·j + γ·k + δ, so it is evaluated without mapping every voxel.
     */
    public static boolean[] mask(Volume volume, float[] image, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        Affine a = volume.voxelToWorld();
        double threshold = 0.1 * IntensityReference.of(image);
        double[] mean = new double[3];
        long count = 0;
        for (int v = 0; v < image.length; v++) {
            if (image[v] > threshold) {
                mean[0] += v % g.nx();
                mean[1] += (v / g.nx()) % g.ny();
                mean[2] += v / (g.nx() * g.ny());
                count++;
            }
        }
        boolean[] out = new boolean[image.length];
        if (count == 0) {
            return out;
        }
        double[] c = a.apply(new double[] {mean[0] / count, mean[1] / count, mean[2] / count});
        double[] w = new double[4];
        for (int col = 0; col < 4; col++) {
            for (int r = 0; r < 3; r++) {
                w[col] += NORMAL[r] * a.get(r, col);
            }
        }
        w[3] -= NORMAL[0] * c[0] + NORMAL[1] * c[1] + NORMAL[2] * c[2];
        double reach = 0;
        for (int v = 0; v < image.length; v++) {
            if (image[v] > threshold) {
                reach = Math.max(reach, projection(w, v, g));
            }
        }
        double plane = (1 - p.cutFraction()) * reach;
        for (int v = 0; v < image.length; v++) {
            out[v] = projection(w, v, g) > plane;
        }
        return out;
    }

    private static double projection(double[] w, int v, VolumeGrid g) {
        int i = v % g.nx();
        int j = (v / g.nx()) % g.ny();
        int k = v / (g.nx() * g.ny());
        return w[0] * i + w[1] * j + w[2] * k + w[3];
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
