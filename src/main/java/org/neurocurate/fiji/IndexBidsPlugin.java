package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.IJ;
import ij.plugin.PlugIn;

import org.neurocurate.io.bids.IndexJob;

/**
 * ImageJ 1 entry "NeuroCurate Index BIDS" for macros:
 * {@code run("NeuroCurate Index BIDS", "datasets=[/data/ds1;/data/ds2] output=[/tmp/scans.tsv] where=[modality=T1w]");}
 * Fills the Results table (one row per scan), so macros read it with {@code nResults} and
 * {@code getResultString}.
 */
public class IndexBidsPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        MacroOptions options = MacroOptions.current();
        List<String> datasets = IndexBids.split(options.get("datasets", ""));
        String output = options.get("output", null);
        if (datasets.isEmpty() || output == null) {
            IJ.error("NeuroCurate Index BIDS", "needs datasets=[folder;folder...] and output=[scans.tsv]");
            return;
        }
        try {
            IndexJob.Outcome o = IndexBids.run(datasets.stream().map(Path::of).toList(), Path.of(output),
                    options.get("where", ""));
            Tables.toSystemResults(o.table().header(), IndexBids.cells(o));
            options.record("datasets", String.join(";", datasets));
            options.record("output", output);
        } catch (IOException | IllegalArgumentException e) {
            IJ.error("NeuroCurate Index BIDS", e.getMessage());
        }
    }
}
