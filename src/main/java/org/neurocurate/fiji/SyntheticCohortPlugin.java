package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.IJ;
import ij.plugin.PlugIn;

import org.neurocurate.synth.CohortSpec;

/**
 * ImageJ 1 entry "NeuroCurate Synthetic Cohort" for macros:
 * {@code run("NeuroCurate Synthetic Cohort", "output=[/tmp/cohort] subjects=10 seed=1 grid=2");}
 * Logs a one-line summary.
 */
public class SyntheticCohortPlugin implements PlugIn {

    @Override
    public void run(String arg) {
        MacroOptions o = MacroOptions.current();
        String output = o.get("output", null);
        if (output == null) {
            IJ.error("NeuroCurate Synthetic Cohort", "needs output=[folder]");
            return;
        }
        try {
            IJ.log(SyntheticCohort.generate(Path.of(output), (int) o.number("subjects", CohortSpec.DEFAULT_SUBJECTS),
                    (long) o.number("seed", CohortSpec.DEFAULT_SEED), (int) o.number("sites", CohortSpec.DEFAULT_SITES),
                    o.get("contrasts", "T1w"), o.number("artifact_rate", CohortSpec.DEFAULT_ARTIFACT_RATE),
                    o.number("grid", CohortSpec.DEFAULT_GRID_MM)));
        } catch (IOException | IllegalArgumentException e) {
            IJ.error("NeuroCurate Synthetic Cohort", e.getMessage());
        }
    }
}
