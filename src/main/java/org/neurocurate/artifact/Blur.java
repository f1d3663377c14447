package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Gaussian blur (loss of resolution, e.g. from k-space filtering or a wide point-spread function) of
 * full width at half maximum {@code fwhmVoxels} along every axis, in units of that axis's voxel size so
 * that a severity means the same loss on a 1 mm and a 2 mm grid; σ = FWHM / (2√(2 ln 2)) ≈ FWHM / 2.3548.
 */
public final class Blur implements Artifact<Blur.Params> {

    /** FWHM at severity 1, in voxels. */
    static final double MAX_FWHM_VOXELS = 3;

    /**
     * @param severity in [0, 1]
     * @param fwhmVoxels full width at half maximum of the Gaussian, voxels
     */
    public record Params(double severity, double fwhmVoxels) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (!(fwhmVoxels >= 0)) {
                throw new IllegalArgumentException("blur FWHM must be >= 0 voxels, got " + fwhmVoxels);
            }
        }

        /** σ in voxels. */
        public double sigmaVoxels() {
            return fwhmVoxels / (2 * Math.sqrt(2 * Math.log(2)));
        }
    }

    @Override
    public String key() {
        return "blur";
    }

    @Override
    public String description() {
        return "Gaussian blur of FWHM up to 3 voxels";
    }

    /** FWHM = 3 voxels · severity (deterministic; the random source is not used). */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), MAX_FWHM_VOXELS * severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.fwhmVoxels() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        double s = p.sigmaVoxels();
        GaussianFilter.smooth(image, g.nx(), g.ny(), g.nz(), new double[] {s, s, s});
        return VolumeGrid.withValues(volume, image);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
