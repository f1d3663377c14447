package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortResult;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.GroundTruthRow;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurocurate synth --out DIR --subjects N --seed S [--sites K] [--contrasts T1w,T2w]
 * [--artifact-rate R] [--grid 2]}: writes a synthetic BIDS cohort with ground truth.
 */
@Command(name = "synth", description = "Generate a synthetic BIDS cohort (anatomy, ageing, sites, artifacts) with ground truth.")
final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output dataset folder (new or empty)")
    Path out;

    @Option(names = "--subjects", required = true, paramLabel = "N", description = "number of subjects")
    int subjects;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "seed; the same seed gives the same dataset")
    long seed;

    @Option(names = "--sites", paramLabel = "K", description = "number of scanner sites (default: ${DEFAULT-VALUE})")
    int sites = CohortSpec.DEFAULT_SITES;

    @Option(names = "--contrasts", paramLabel = "T1w,T2w", split = ",",
            description = "contrasts among T1w, T2w, FLAIR, PDw (default: T1w)")
    List<String> contrasts = List.of("T1w");

    @Option(names = "--artifact-rate", paramLabel = "R",
            description = "probability that a scan carries random artifacts, 0-1 (default: ${DEFAULT-VALUE})")
    double artifactRate = CohortSpec.DEFAULT_ARTIFACT_RATE;

    @Option(names = "--grid", paramLabel = "MM", description = "voxel size in mm (default: ${DEFAULT-VALUE})")
    double grid = CohortSpec.DEFAULT_GRID_MM;

    @Override
    public Integer call() throws Exception {
        CohortSpec cohort = CohortSpec.defaults().withSubjects(subjects).withSeed(seed).withSites(sites)
                .withContrasts(contrasts.stream().map(Contrast::ofSuffix).toList()).withArtifactRate(artifactRate)
                .withGridMm(grid);
        PrintWriter err = spec.commandLine().getErr();
        CohortResult result = CohortGenerator.generate(cohort, out, new TerminalProgress(err));
        PrintWriter o = spec.commandLine().getOut();
        Map<Integer, Long> tiers = new TreeMap<>();
        for (GroundTruthRow r : result.rows()) {
            tiers.merge(r.tier(), 1L, Long::sum);
        }
        o.println("wrote " + result.subjects().size() + " subjects, " + result.rows().size() + " scans to " + out
                + " (scans per true tier " + tiers + ")");
        result.failures().forEach(f -> err.println("neurocurate: failed: " + f));
        o.flush();
        err.flush();
        return result.failures().isEmpty() ? 0 : 1;
    }
}
