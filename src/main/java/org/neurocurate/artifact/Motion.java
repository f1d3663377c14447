package org.neurocurate.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neurocurate.volume.Volume;

/**
 * Rigid head motion during the acquisition, simulated as TorchIO's {@code RandomMotion} does
 * (Shaw et al., MIDL 2019): the head is resampled at each pose it took; k-space is filled plane by
 * plane along the phase-encoding {@code axis} (in order of frequency, −N/2 … N/2−1), the planes
 * acquired before the first move's time from the original pose, later planes from the pose of the
 * latest move; the magnitude of the inverse transform is the image. Moves mix inconsistent k-space:
 * edges blur and ghost along the axis.
 */
public final class Motion implements Artifact<Motion.Params> {

    /** Largest rotation (degrees) and translation (mm) per axis at severity 1. */
    static final double MAX_DEGREES = 8;
    static final double MAX_MM = 8;

    /**
     * One change of pose.
     *
     * @param time fraction of the acquisition (0..1) at which the head moved
     * @param rotation rotation about i, j, k through the volume centre, degrees
     * @param translation translation along i, j, k, mm
     */
    public record Move(double time, List<Double> rotation, List<Double> translation) {
        public Move {
            if (!(time >= 0 && time <= 1) || rotation.size() != 3 || translation.size() != 3) {
                throw new IllegalArgumentException("a move needs a time in [0, 1], 3 angles and 3 shifts");
            }
            rotation = List.copyOf(rotation);
            translation = List.copyOf(translation);
        }
    }

    /**
     * @param severity in [0, 1]
     * @param axis phase-encoding axis along which k-space is filled over time
     * @param moves poses in increasing time
     */
    public record Params(double severity, int axis, List<Move> moves) implements ArtifactParams {
        public Params {
            Artifact.checkSeverity(severity);
            if (axis < 0 || axis > 2) {
                throw new IllegalArgumentException("motion axis must be 0, 1 or 2, got " + axis);
            }
            moves = List.copyOf(moves);
            for (int m = 1; m < moves.size(); m++) {
                if (moves.get(m).time() < moves.get(m - 1).time()) {
                    throw new IllegalArgumentException("motion moves must be in increasing time");
                }
            }
        }
    }

    @Override
    public String key() {
        return "motion";
    }

    @Override
    public String description() {
        return "rigid head motion during the scan: k-space from several poses";
    }

    /**
     * 1 + ⌊2·severity⌋ moves at times spread evenly over the scan (±jitter), each with rotations
     * uniform in ±8°·severity and translations uniform in ±8 mm·severity.
     */
    @Override
    public Params sample(double severity, Random random) {
        Artifact.checkSeverity(severity);
        int n = 1 + (int) Math.floor(2 * severity);
        List<Move> moves = new ArrayList<>();
        double step = 1.0 / (n + 1);
        for (int m = 1; m <= n; m++) {
            double t = m * step + (random.nextDouble() - 0.5) * step * 0.5;
            moves.add(new Move(t, uniform3(random, MAX_DEGREES * severity), uniform3(random, MAX_MM * severity)));
        }
        return new Params(severity, random.nextInt(3), moves);
    }

    private static List<Double> uniform3(Random r, double max) {
        return List.of((2 * r.nextDouble() - 1) * max, (2 * r.nextDouble() - 1) * max, (2 * r.nextDouble() - 1) * max);
    }

    @Override
    public Volume apply(Volume volume, Params p) {
        VolumeGrid g = VolumeGrid.of(volume);
        float[] image = volume.toFloatArray();
        if (p.severity() == 0 || p.moves().isEmpty()) {
            return VolumeGrid.withValues(volume, image);
        }
        float[] k = KSpace.forward(image, g);
        int n = g.dim(p.axis());
        for (int m = 0; m < p.moves().size(); m++) {
            double from = p.moves().get(m).time();
            double to = m + 1 < p.moves().size() ? p.moves().get(m + 1).time() : 1.0 + 1e-9;
            float[] moved = KSpace.forward(RigidResampler.resample(image, g, p.moves().get(m)), g);
            for (int v = 0; v < image.length; v++) {
                double when = (KSpace.signedFrequency(KSpace.coordinate(v, p.axis(), g), n) + n / 2) / (double) n;
                if (when >= from && when < to) {
                    k[2 * v] = moved[2 * v];
                    k[2 * v + 1] = moved[2 * v + 1];
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
