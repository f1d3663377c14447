package org.neurocurate.artifact;

import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Spike (herringbone) artifact: one corrupted k-space sample. A spike of amplitude A at frequency
 * k adds the plane wave (A/N)·exp(2πi k·x/N) to the complex image, so the magnitude image carries
 * stripes with period N/k voxels along each axis. A = {@code intensity} · |F(0)|, i.e. the stripe
 * amplitude is {@code intensity} times the image mean. Reference: TorchIO {@code RandomSpike}.
 */
public final class Spike implements Artifact<Spike.Params> {

    /** Stripe amplitude relative to the image mean at severity 1. */
    static final double MAX_INTENSITY = 0.6;

    /**
     * @param severity in [0, 1]
     * @param fx spike frequency along i as a fraction of the sampling rate, in [−0.5, 0.5]
     * @param fy same along j
     * @param fz same along k
     * @param intensity spike amplitude relative to the DC magnitude
     */
    public record Params(double severity, double fx, double fy, double fz, double intensity) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (Math.abs(fx) > 0.5 || Math.abs(fy) > 0.5 || Math.abs(fz) > 0.5 || intensity < 0) {
                throw new IllegalArgumentException("spike frequencies must be in [-0.5, 0.5] and intensity >= 0");
            }
        }

        /** The spike's signed frequency index along {@code axis} on an axis of n voxels. */
        public int frequencyIndex(int axis, int n) {
            double f = axis == 0 ? fx : axis == 1 ? fy : fz;
            return (int) Math.round(f * n);
        }
    }

    @Override
    public String key() {
        return "spike";
    }

    @Override
    public String description() {
        return "adds one bright k-space sample: stripes across the whole image";
    }

    /** Frequencies uniform in ±0.4 of the sampling rate with at least one |f| ≥ 0.1; intensity 0.6·severity. */
    @Override
    public Params sample(double severity, Random random) {
        double fx;
        double fy;
        double fz;
        do {
            fx = 0.8 * random.nextDouble() - 0.4;
            fy = 0.8 * random.nextDouble() - 0.4;
            fz = 0.8 * random.nextDouble() - 0.4;
        } while (Math.max(Math.abs(fx), Math.max(Math.abs(fy), Math.abs(fz))) < 0.1);
        return new Params(Artifact.checkSeverity(severity), fx, fy, fz, MAX_INTENSITY * severity);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.intensity() == 0) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] k = KSpace.forward(image, g);
        int v = g.index(KSpace.indexOf(p.frequencyIndex(0, g.nx()), g.nx()),
                KSpace.indexOf(p.frequencyIndex(1, g.ny()), g.ny()),
                KSpace.indexOf(p.frequencyIndex(2, g.nz()), g.nz()));
        double dc = Math.hypot(k[0], k[1]);
        k[2 * v] += (float) (p.intensity() * dc);
        return VolumeGrid.withValues(volume, KSpace.inverseMagnitude(k, g));
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }
}
