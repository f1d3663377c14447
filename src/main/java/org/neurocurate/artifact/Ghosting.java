package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Ghosting (N/2-style ghosts from inconsistent phase-encoding lines): every {@code ghosts}-th k-space
 * plane along the phase-encoding {@code axis}, counted from the centre of k-space, is scaled by
 * {@code 1 − intensity}. Multiplying k-space by 1 − a·comb_n gives x − (a/n)·Σ_m x(· − m·N/n): the object
 * dimmed by a/n and ghosts of amplitude a/n shifted by every multiple of N/n voxels along the axis.
 * Unlike TorchIO's {@code RandomGhosting} (Pérez-García et al., CMPB 2021) the centre plane is not
 * restored: restoring it adds a·(mean along the axis) everywhere, a smear as strong as the ghosts.
 */
public final class Ghosting implements Artifact<Ghosting.Params> {

    /**
     * @param severity in [0, 1]
     * @param axis phase-encoding axis (0 = i, 1 = j, 2 = k)
     * @param ghosts comb period n in k-space planes (2..4); ghosts appear every N/n voxels
     * @param intensity attenuation of the affected planes, in [0, 1]
     */
    public record Params(double severity, int axis, int ghosts, double intensity) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (axis < 0 || axis > 2 || ghosts < 2 || !(intensity >= 0 && intensity <= 1)) {
                throw new IllegalArgumentException("ghosting needs axis 0-2, ghosts >= 2, intensity in [0, 1]");
            }
        }
    }

    @Override
    public String key() {
        return "ghosting";
    }

    @Override
    public String description() {
        return "attenuates every n-th k-space plane along the phase-encoding axis: shifted ghosts of the head";
    }

    /** Intensity = severity; axis and n (2..4) drawn uniformly. */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), random.nextInt(3), 2 + random.nextInt(3), severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.intensity() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] k = KSpace.forward(image, g);
        float keep = (float) (1 - p.intensity());
        for (int v = 0; v < image.length; v++) {
            int f = KSpace.coordinate(v, p.axis(), g);
            if (f % p.ghosts() == 0) {
                k[2 * v] *= keep;
                k[2 * v + 1] *= keep;
            }
        }
        return VolumeGrid.withValues(volume, KSpace.inverseMagnitude(k, g));
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
