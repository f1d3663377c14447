package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;

import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › NeuroCurate › Quality › Evaluate Tier Classifier…: leave-one-site-out AUC and balanced
 * accuracy per site of NeuroCurate's classifier and an MRIQC-style forest, as a table.
 */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Quality>Evaluate Tier Classifier...")
public class TierEvaluationCommand extends ContextCommand {

    @Parameter(label = "IQM table", style = FileWidget.OPEN_STYLE, persist = false,
            description = "IQMs with MRIQC column names (CSV or TSV), e.g. x_abide.csv")
    private File iqms;

    @Parameter(label = "Ratings table", style = FileWidget.OPEN_STYLE, persist = false,
            description = "Expert ratings with a site column (CSV or TSV), e.g. y_abide.csv")
    private File ratings;

    @Parameter(label = "Evaluation table", style = FileWidget.SAVE_STYLE, required = false, persist = false,
            description = "Where to write the TSV (optional)")
    private File output;

    @Parameter(type = ItemIO.OUTPUT, label = "Leave-one-site-out")
    private ResultsTable evaluation;

    @Override
    public void run() {
        try {
            evaluation = TierEvaluation.table(iqms.toPath(), ratings.toPath(), output == null ? null : output.toPath());
            if (!MacroOptions.headless()) {
                evaluation.show(TierEvaluation.TABLE_TITLE);
            }
        } catch (IOException e) {
            cancel(e.getMessage());
        }
    }
}
