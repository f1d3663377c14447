package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Isotropic Gaussian blur (loss of resolution, e.g. from filtering or a wide point-spread function)
 * of full width at half maximum {@code fwhmMm}; σ = FWHM / (2√(2 ln 2)) ≈ FWHM / 2.3548, converted to
 * voxels with each axis's spacing.
 */
public final class Blur implements Artifact<Blur.Params> {

    /** FWHM at severity 1, in mm. */
    static final double MAX_FWHM_MM = 5;

    /**
     * @param severity in [0, 1]
     * @param fwhmMm full width at half maximum of the Gaussian, mm
     */
    public record Params(double severity, double fwhmMm) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (!(fwhmMm >= 0)) {
                throw new IllegalArgumentException("blur FWHM must be >= 0 mm, got " + fwhmMm);
            }
        }

        /** σ in mm. */
        public double sigmaMm() {
            return fwhmMm / (2 * Math.sqrt(2 * Math.log(2)));
        }
    }

    @Override
    public String key() {
        return "blur";
    }

    @Override
    public String description() {
        return "Gaussian blur of FWHM up to 5 mm";
    }

    /** FWHM = 5 mm · severity (deterministic; the random source is not used). */
    @Override
    public Params sample(double severity, Random random) {
        return new Params(Artifact.checkSeverity(severity), MAX_FWHM_MM * severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.fwhmMm() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        double[] s = g.spacing();
        double[] sigma = {p.sigmaMm() / s[0], p.sigmaMm() / s[1], p.sigmaMm() / s[2]};
        GaussianFilter.smooth(image, g.nx(), g.ny(), g.nz(), sigma);
        return VolumeGrid.withValues(volume, image);
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
