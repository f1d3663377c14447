package org.neurocurate.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.IndexJob;
import org.neurocurate.io.bids.ScanRow;
import org.neurocurate.io.bids.ScansTable;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortResult;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.GroundTruthRow;
import org.neurocurate.volume.Interpolation;
import org.neurocurate.volume.Orientation;
import org.neurocurate.volume.Reorient;
import org.neurocurate.volume.Resample;
import org.neurocurate.volume.Volume;

/**
 * The main job on an embedded default: generates a small synthetic cohort, runs every stage that
 * exists on it, and says what it found, one line per finding.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Settings of the demo.
     *
     * @param out      folder for everything the demo writes
     * @param seed     seed of every random component
     * @param subjects subjects in the generated cohort
     * @param gridMm   voxel size of the generated scans (mm)
     */
    public record Settings(Path out, long seed, int subjects, double gridMm) {

        /** Small enough for a laptop in about a minute, large enough for the stages to say something. */
        public static Settings defaults(Path out) {
            return new Settings(out, 1, 24, 3.0);
        }
    }

    /** Runs the demo; returns the findings, in order. */
    public static List<String> run(Settings s, ProgressListener progress) throws IOException {
        List<String> findings = new ArrayList<>();
        Path cohortDir = s.out().resolve("cohort");
        progress.status("generating " + s.subjects() + " synthetic subjects at " + s.gridMm() + " mm");
        CohortSpec spec = CohortSpec.defaults().withSubjects(s.subjects()).withSeed(s.seed()).withGridMm(s.gridMm());
        CohortResult cohort = CohortGenerator.generate(spec, cohortDir, progress);
        findings.add(cohortFinding(cohort));

        progress.status("indexing the cohort as a BIDS dataset");
        IndexJob.Outcome index = IndexJob.run(BidsIndexConfig.of(List.of(cohortDir)), List.of(),
                s.out().resolve("scans.tsv"), progress);
        findings.add(indexFinding(index));

        GroundTruthRow first = cohort.rows().get(0);
        Volume scan = NiftiReader.read(cohortDir.resolve(first.scan()));
        Volume ras = Reorient.toClosestCanonical(scan);
        Volume grid = Resample.toSpacing(ras, new double[] {2, 2, 2}, Interpolation.LINEAR);
        findings.add(String.format("NIfTI and geometry: %s is %s %s at %s mm; as RAS on a 2 mm grid: %s", first.scan(),
                Orientation.of(scan.voxelToWorld()).code(), Arrays.toString(scan.dimensions()),
                Arrays.toString(scan.spacing()), Arrays.toString(grid.dimensions())));
        return findings;
    }

    private static String cohortFinding(CohortResult cohort) {
        Map<Integer, Integer> tiers = new TreeMap<>();
        double minAge = Double.MAX_VALUE;
        double maxAge = 0;
        for (GroundTruthRow r : cohort.rows()) {
            tiers.merge(r.tier(), 1, Integer::sum);
            minAge = Math.min(minAge, r.age());
            maxAge = Math.max(maxAge, r.age());
        }
        return String.format("synth: %d subjects, %d scans, ages %.0f-%.0f, true quality tiers %s%s",
                cohort.subjects().size(), cohort.rows().size(), minAge, maxAge, tiers,
                cohort.failures().isEmpty() ? "" : ", failures: " + cohort.failures());
    }

    private static String indexFinding(IndexJob.Outcome index) {
        Map<String, Integer> sites = new TreeMap<>();
        int withAge = 0;
        int problems = 0;
        for (ScanRow r : index.table().rows()) {
            sites.merge(r.get(ScansTable.SITE), 1, Integer::sum);
            withAge += r.number(ScansTable.AGE).isPresent() ? 1 : 0;
            problems += r.get(ScansTable.PROBLEMS).isEmpty() ? 0 : 1;
        }
        return String.format("index: %d scans in %s, %d with a harmonised age, scans per site %s, %d with problems",
                index.table().rows().size(), index.out().getFileName(), withAge, sites, problems);
    }
}
