package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortResult;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.Contrast;

/** What both Fiji faces of "Synthetic Cohort" do, defined once; defaults come from {@link CohortSpec}. */
final class SyntheticCohort {

    private SyntheticCohort() {
    }

    /** Generates the cohort; returns a one-line summary. */
    static String generate(Path out, int subjects, long seed, int sites, String contrasts, double artifactRate,
            double gridMm) throws IOException {
        CohortSpec spec = CohortSpec.defaults().withSubjects(subjects).withSeed(seed).withSites(sites)
                .withContrasts(Arrays.stream(contrasts.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(Contrast::ofSuffix).toList())
                .withArtifactRate(artifactRate).withGridMm(gridMm);
        CohortResult r = CohortGenerator.generate(spec, out, new ImageJProgress());
        return "wrote " + r.subjects().size() + " subjects, " + r.rows().size() + " scans to " + out
                + (r.failures().isEmpty() ? "" : "; failed: " + String.join("; ", r.failures()));
    }
}
