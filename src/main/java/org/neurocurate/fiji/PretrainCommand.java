package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;

import ij.ImagePlus;

import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.ScanPretraining;
import org.neurocurate.learn.train.TrainingDivergedException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › NeuroCurate › Pretrain Encoder…: contrastive pretraining of a 3D CNN encoder on the scans of
 * a scans table (from Index BIDS Datasets, with tier from Quality Control). Progress in the status bar;
 * Esc stops after the current step, and running again resumes from the checkpoint.
 */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Pretrain Encoder...")
public class PretrainCommand extends ContextCommand {

    @Parameter(label = "Scans table", style = FileWidget.OPEN_STYLE, persist = false)
    private File scans;

    @Parameter(label = "Model folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File model;

    @Parameter(label = "Objective", choices = {"yaware", "simclr"}, persist = false)
    private String objective = PretrainConfig.defaults().objective();

    @Parameter(label = "Steps", min = "1", persist = false)
    private long steps = PretrainConfig.defaults().steps();

    @Parameter(label = "Tiers", required = false, persist = false, description = "e.g. 4,5; empty for all scans")
    private String tiers = "";

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Parameter(type = ItemIO.OUTPUT)
    private ImagePlus loss_curve;

    @Override
    public void run() {
        try {
            ScanPretraining.Outcome o = Pretraining.pretrain(scans.toPath(), model.toPath(), objective, steps,
                    Pretraining.tiers(tiers));
            summary = o.scansUsed() + " scans, " + o.result().stepsDone() + " steps"
                    + (o.result().cancelled() ? " (cancelled; run again to resume)" : "");
            loss_curve = Pretraining.lossCurve(model.toPath()).getImagePlus();
        } catch (IOException | IllegalArgumentException | TrainingDivergedException e) {
            cancel(e.getMessage());
        }
    }
}
