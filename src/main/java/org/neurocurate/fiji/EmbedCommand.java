package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;

import org.neurocurate.learn.eval.ScanEmbedding;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Plugins › NeuroCurate › Embed Scans…: one embedding row per scan of a scans table, from a pretrained model. */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Embed Scans...")
public class EmbedCommand extends ContextCommand {

    @Parameter(label = "Model folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File model;

    @Parameter(label = "Scans table", style = FileWidget.OPEN_STYLE, persist = false)
    private File scans;

    @Parameter(label = "Embeddings table", style = FileWidget.SAVE_STYLE, persist = false)
    private File output;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Override
    public void run() {
        try {
            ScanEmbedding.Outcome o = Pretraining.embed(model.toPath(), scans.toPath(), output.toPath());
            summary = o.rows() + " scans embedded in " + o.dimension() + " dimensions, " + o.failed() + " failed";
        } catch (IOException | IllegalArgumentException e) {
            cancel(e.getMessage());
        }
    }
}
