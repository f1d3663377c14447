package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.measure.ResultsTable;

import org.neurocurate.io.bids.IndexJob;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Plugins › NeuroCurate › Index BIDS Datasets…: one scans table with harmonised metadata. */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Index BIDS Datasets...")
public class IndexBidsCommand extends ContextCommand {

    @Parameter(label = "BIDS dataset", style = FileWidget.DIRECTORY_STYLE, persist = false,
            description = "Root folder of a BIDS dataset (with dataset_description.json)")
    private File dataset;

    @Parameter(label = "More datasets", required = false, persist = false,
            description = "Further dataset folders, separated by ';'")
    private String more_datasets = "";

    @Parameter(label = "Scans table", style = FileWidget.SAVE_STYLE, persist = false,
            description = "Where to write the scans table (TSV)")
    private File output;

    @Parameter(label = "Keep rows where", required = false, persist = false,
            description = "Filters COLUMN=VALUES separated by ';', e.g. modality=T1w; age=20..40")
    private String where = "";

    @Parameter(type = ItemIO.OUTPUT, label = "Scans")
    private ResultsTable scans;

    @Override
    public void run() {
        List<Path> datasets = new ArrayList<>();
        datasets.add(dataset.toPath());
        IndexBids.split(more_datasets).forEach(d -> datasets.add(Path.of(d)));
        try {
            IndexJob.Outcome o = IndexBids.run(datasets, output.toPath(), where);
            scans = Tables.toResultsTable(o.table().header(), IndexBids.cells(o));
            if (!MacroOptions.headless()) {
                scans.show(IndexBids.TABLE_TITLE);
            }
        } catch (IOException | IllegalArgumentException e) {
            cancel(e.getMessage());
        }
    }
}
