package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.neurocurate.quality.batch.QcGroup;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › NeuroCurate › Quality Control…: MRIQC-compatible IQMs, flags and a quality tier with its
 * reason, one table row per scan, for a file, a folder or BIDS dataset, or (without input) the current
 * image, whose masks can be shown as images.
 */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Quality Control...")
public class QualityControlCommand extends ContextCommand {

    @Parameter(label = "Image", required = false, description = "Used when no input file or folder is given")
    private ImagePlus image;

    @Parameter(label = "Input file or folder", style = FileWidget.OPEN_STYLE, required = false, persist = false,
            description = "A NIfTI file, a folder of them, or a BIDS dataset; empty for the current image")
    private File input;

    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, required = false, persist = false,
            description = "Derivatives (IQMs JSON, masks) for file and folder input")
    private File output;

    @Parameter(label = "Modality", choices = {"T1w", "T2w", "PDw"}, persist = false)
    private String modality = QualityControl.DEFAULT_MODALITY;

    @Parameter(label = "Show masks", persist = false, description = "Open the masks of the current image as images")
    private boolean show_masks;

    @Parameter(type = ItemIO.OUTPUT, label = "Quality")
    private ResultsTable quality;

    @Override
    public void run() {
        try {
            QcGroup.Table t;
            if (input != null) {
                if (output == null) {
                    cancel("an output folder is needed for the derivatives of " + input);
                    return;
                }
                t = QualityControl.run(input.toPath(), output.toPath(), modality);
            } else if (image != null) {
                List<ImagePlus> masks = show_masks ? new ArrayList<>() : null;
                t = QualityControl.run(image, modality, masks);
                if (masks != null && !MacroOptions.headless()) {
                    masks.forEach(ImagePlus::show);
                }
            } else {
                cancel("no input file or folder and no open image");
                return;
            }
            quality = Tables.toResultsTable(t.header(), t.rows());
            if (!MacroOptions.headless()) {
                quality.show("NeuroCurate Quality");
            }
        } catch (IOException e) {
            cancel(e.getMessage());
        }
    }
}
