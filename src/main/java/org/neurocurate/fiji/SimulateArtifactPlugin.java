package org.neurocurate.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

/**
 * ImageJ 1 entry "NeuroCurate Simulate Artifact" for macros, on the current image:
 * {@code run("NeuroCurate Simulate Artifact", "artifact=ghosting severity=0.4 seed=7");}
 * The result opens as a new image.
 */
public class SimulateArtifactPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.error("NeuroCurate Simulate Artifact", "no image is open");
            return;
        }
        MacroOptions options = MacroOptions.current();
        String key = options.get("artifact", SimulateArtifact.DEFAULT_ARTIFACT);
        try {
            double severity = options.number("severity", SimulateArtifact.DEFAULT_SEVERITY);
            long seed = (long) options.number("seed", SimulateArtifact.DEFAULT_SEED);
            SimulateArtifact.apply(imp, key, severity, seed).show();
        } catch (IllegalArgumentException e) {
            IJ.error("NeuroCurate Simulate Artifact", e.getMessage());
        }
    }
}
