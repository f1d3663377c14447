package org.neurocurate.fiji;

import java.io.File;
import java.io.IOException;

import org.neurocurate.synth.CohortSpec;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Plugins › NeuroCurate › Synthetic Cohort…: a BIDS dataset of generated heads with ground truth. */
@Plugin(type = Command.class, menuPath = "Plugins>NeuroCurate>Synthetic Cohort...")
public class SyntheticCohortCommand extends ContextCommand {

    @Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
    private File output;

    @Parameter(label = "Subjects", min = "1", persist = false)
    private int subjects = CohortSpec.DEFAULT_SUBJECTS;

    @Parameter(label = "Seed", persist = false, description = "The same seed gives a byte-identical dataset")
    private long seed = CohortSpec.DEFAULT_SEED;

    @Parameter(label = "Sites", min = "1", persist = false)
    private int sites = CohortSpec.DEFAULT_SITES;

    @Parameter(label = "Contrasts", persist = false, description = "Comma-separated: T1w, T2w, FLAIR, PDw")
    private String contrasts = "T1w";

    @Parameter(label = "Artifact rate", min = "0", max = "1", persist = false)
    private double artifact_rate = CohortSpec.DEFAULT_ARTIFACT_RATE;

    @Parameter(label = "Voxel size (mm)", min = "0.5", max = "8", persist = false)
    private double grid = CohortSpec.DEFAULT_GRID_MM;

    @Parameter(type = ItemIO.OUTPUT)
    private String summary;

    @Override
    public void run() {
        try {
            summary = SyntheticCohort.generate(output.toPath(), subjects, seed, sites, contrasts, artifact_rate, grid);
        } catch (IOException | IllegalArgumentException e) {
            cancel(e.getMessage());
        }
    }
}
