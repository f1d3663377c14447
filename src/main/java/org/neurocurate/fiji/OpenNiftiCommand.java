package org.neurocurate.fiji;

import java.io.File;

import ij.ImagePlus;

import org.neurocurate.io.nifti.NiftiException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Plugins › NeuroCurate › Open NIfTI…: a .nii/.nii.gz/.hdr file as an image calibrated in mm. */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Open NIfTI...")
public class OpenNiftiCommand extends ContextCommand {

    @Parameter(label = "NIfTI file", style = FileWidget.OPEN_STYLE, persist = false,
            description = "A .nii, .nii.gz or .hdr/.img image (NIfTI-1 or NIfTI-2)")
    private File path;

    @Parameter(label = "Reorient to RAS", persist = false, required = false,
            description = "Flip and permute axes to the closest RAS+ orientation (no interpolation)")
    private boolean reorient_to_ras = OpenNifti.DEFAULT_REORIENT;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus image;

    @Override
    public void run() {
        try {
            image = OpenNifti.open(path.toPath(), reorient_to_ras);
        } catch (NiftiException e) {
            cancel(e.getMessage());
        }
    }

    /** The opened image (after {@link #run()}). */
    public ImagePlus image() {
        return image;
    }
}
