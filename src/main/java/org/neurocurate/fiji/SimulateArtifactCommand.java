package org.neurocurate.fiji;

import ij.ImagePlus;
import ij.ImageStack;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.command.Previewable;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.NumberWidget;

/**
 * Plugins › NeuroCurate › Simulate Artifact…: a copy of the current image with one MRI artifact at a
 * chosen severity. With preview on, the current image shows the result live as the severity slider
 * moves and is restored when the dialog closes.
 */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Simulate Artifact...")
public class SimulateArtifactCommand extends ContextCommand implements Previewable {

    /** The keys of Artifacts.ALL, as annotation constants (a test keeps them in step). */
    static final String[] CHOICES = {"motion", "ghosting", "spike", "bias_field", "noise_gaussian", "noise_rician",
        "blur", "gibbs", "dropout", "deface"};

    @Parameter(label = "Image")
    private ImagePlus image;

    @Parameter(label = "Artifact", choices = {"motion", "ghosting", "spike", "bias_field", "noise_gaussian",
        "noise_rician", "blur", "gibbs", "dropout", "deface"}, persist = false)
    private String artifact = SimulateArtifact.DEFAULT_ARTIFACT;

    @Parameter(label = "Severity", min = "0", max = "1", stepSize = "0.05", style = NumberWidget.SLIDER_STYLE,
            persist = false, callback = "preview", description = "0 leaves the image unchanged, 1 is the worst")
    private double severity = SimulateArtifact.DEFAULT_SEVERITY;

    @Parameter(label = "Seed", persist = false, description = "The same seed gives the same artifact")
    private long seed = SimulateArtifact.DEFAULT_SEED;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus result;

    private ImageStack original;

    @Override
    public void run() {
        restore();
        try {
            result = SimulateArtifact.apply(image, artifact, severity, seed);
        } catch (IllegalArgumentException e) {
            cancel(e.getMessage());
        }
    }

    /** Shows the artifact on the current image itself, keeping the original to restore. */
    @Override
    public void preview() {
        if (original == null) {
            original = image.getStack();
        }
        ImagePlus source = new ImagePlus(image.getTitle(), original);
        source.setCalibration(image.getCalibration());
        source.setProperty(ImagePlusBridge.AFFINE_PROPERTY, image.getProperty(ImagePlusBridge.AFFINE_PROPERTY));
        source.setDimensions(image.getNChannels(), image.getNSlices(), image.getNFrames());
        image.setStack(SimulateArtifact.apply(source, artifact, severity, seed).getStack());
        image.updateAndDraw();
    }

    @Override
    public void cancel() {
        restore();
    }

    private void restore() {
        if (original != null) {
            image.setStack(original);
            image.updateAndDraw();
            original = null;
        }
    }
}
