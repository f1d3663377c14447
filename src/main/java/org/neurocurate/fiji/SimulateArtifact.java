package org.neurocurate.fiji;

import java.util.Random;

import ij.ImagePlus;

import org.neurocurate.artifact.Artifact;
import org.neurocurate.artifact.Artifacts;
import org.neurocurate.volume.Volume;

/** What both Fiji faces of "Simulate Artifact" do, defined once. */
final class SimulateArtifact {

    /** Defaults shared by the SciJava command and the ImageJ 1 entry. */
    static final String DEFAULT_ARTIFACT = "motion";
    static final double DEFAULT_SEVERITY = 0.5;
    static final long DEFAULT_SEED = 1;

    /** Image property with the artifact's key and sampled parameters, so the result can be reproduced. */
    static final String PARAMS_PROPERTY = "NeuroCurate.artifact";

    private SimulateArtifact() {
    }

    /** A new image: the input's volume with the artifact at {@code severity}, drawn from {@code seed}. */
    static ImagePlus apply(ImagePlus input, String key, double severity, long seed) {
        Artifact<?> artifact = Artifacts.byKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown artifact '" + key + "'; one of " + Artifacts.ALL.stream().map(Artifact::key).toList()));
        Volume volume = ImagePlusBridge.toVolume(input);
        Artifacts.Applied<?> applied = Artifacts.sampleAndApply(artifact, volume, severity, new Random(seed));
        ImagePlus out = ImagePlusBridge.toImagePlus(applied.volume(), input.getTitle() + "-" + key);
        out.setCalibration(input.getCalibration().copy());
        out.setProperty(PARAMS_PROPERTY, key + " " + applied.params());
        return out;
    }
}
