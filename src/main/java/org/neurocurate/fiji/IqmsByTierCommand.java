package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Plugins › NeuroCurate › Quality › IQMs by Tier…: one IQM's distribution per quality tier. */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Quality>IQMs by Tier...")
public class IqmsByTierCommand extends ContextCommand {

    @Parameter(label = "Group table", style = FileWidget.OPEN_STYLE, persist = false,
            description = "A table with a tier column and IQM columns, e.g. the QC group_T1w.tsv")
    private File table;

    @Parameter(label = "IQM", persist = false, description = "The IQM column to plot (MRIQC name, e.g. efc, snr_total)")
    private String iqm = IqmsByTier.DEFAULT_IQM;

    @Parameter(type = ItemIO.OUTPUT, label = "IQM by tier")
    private ImagePlus plot;

    @Override
    public void run() {
        try {
            plot = IqmsByTier.plot(table.toPath(), iqm);
        } catch (IOException e) {
            cancel(e.getMessage());
        }
    }
}
