package org.neurocurate.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.neurocurate.io.AtomicOutput;
import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.IndexJob;
import org.neurocurate.io.bids.ScanRow;
import org.neurocurate.io.bids.ScansTable;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.learn.data.PreprocessSettings;
import org.neurocurate.learn.model.EncoderConfig;
import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.ScanPretraining;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.PipelineAssessor;
import org.neurocurate.quality.batch.QcBatch;
import org.neurocurate.quality.masks.Anonymisation;
import org.neurocurate.quality.batch.QcBatchConfig;
import org.neurocurate.quality.batch.QcGroup;
import org.neurocurate.quality.batch.QcRow;
import org.neurocurate.quality.tier.RankMetrics;
import org.neurocurate.quality.tier.TierPredictConfig;
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

    private static final int DEMO_BATCH = 8;
    private static final long DEMO_STEPS = 40;

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

    /** File that marks a folder as the demo's own, so that the next demo run may replace it. */
    public static final String MARKER = ".neurocurate-demo";

    /**
     * Runs the demo; returns the findings, in order. The output folder must be new, empty, or a previous
     * demo's output (it has {@link #MARKER}), which is then replaced; any other folder is left untouched.
     *
     * @throws IOException when the output folder holds anything but a previous demo's output, or a stage fails
     */
    public static List<String> run(Settings s, ProgressListener progress) throws IOException {
        claim(s.out());
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

        progress.status("quality control of every scan (BIDS-App participant and group levels)");
        Path qcDir = s.out().resolve("qc");
        List<QcRow> qc = QcBatch.participant(QcBatchConfig.of(cohortDir, qcDir), new PipelineAssessor(), progress);
        QcGroup.Table group = QcGroup.table(qc, "T1w", TierPredictConfig.defaults(), progress);
        QcBatch.writeTsv(qcDir.resolve("group_T1w.tsv"), group.header(), group.rows());
        Map<String, Integer> predicted = predictedTiers(group);
        findings.add(qcFinding(qc, group, predicted, cohort));

        progress.status("pretraining a 3D encoder (y-Aware InfoNCE on age) on the curated scans");
        findings.add(pretrain(s, cohortDir, index, predicted, progress));

        GroundTruthRow first = cohort.rows().get(0);
        Volume scan = NiftiReader.read(cohortDir.resolve(first.scan()));
        Volume ras = Reorient.toClosestCanonical(scan);
        Volume grid = Resample.toSpacing(ras, new double[] {2, 2, 2}, Interpolation.LINEAR);
        findings.add(String.format("NIfTI and geometry: %s is %s %s at %s mm; as RAS on a 2 mm grid: %s", first.scan(),
                Orientation.of(scan.voxelToWorld()).code(), Arrays.toString(scan.dimensions()),
                Arrays.toString(scan.spacing()), Arrays.toString(grid.dimensions())));
        return findings;
    }

    private static void claim(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(out)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty) {
                if (!Files.isRegularFile(out.resolve(MARKER))) {
                    throw new IOException(out + ": folder is not empty and is not a previous demo's output; "
                            + "give a new or empty folder");
                }
                try (Stream<Path> tree = Files.walk(out)) {
                    for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                        if (!p.equals(out)) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "Written by neurocurate demo; the next demo run replaces this folder.\n");
    }

    /** Predicted tier per bids_name, for scans that were tiered. */
    private static Map<String, Integer> predictedTiers(QcGroup.Table group) {
        int name = group.header().indexOf("bids_name");
        int tier = group.header().indexOf("tier");
        Map<String, Integer> out = new TreeMap<>();
        for (List<String> row : group.rows()) {
            if (row.get(tier).matches("[1-5]")) {
                out.put(row.get(name), Integer.parseInt(row.get(tier)));
            }
        }
        return out;
    }

    private static String qcFinding(List<QcRow> qc, QcGroup.Table group, Map<String, Integer> predicted,
            CohortResult cohort) {
        List<Double> truth = new ArrayList<>();
        List<Double> pred = new ArrayList<>();
        int clean = 0;
        int cleanHigh = 0;
        for (GroundTruthRow r : cohort.rows()) {
            String name = QcBatch.bidsName(Path.of(r.scan()));
            if (predicted.containsKey(name)) {
                truth.add((double) r.tier());
                pred.add((double) predicted.get(name));
                clean += r.tier() == 5 ? 1 : 0;
                cleanHigh += r.tier() == 5 && predicted.get(name) >= 4 ? 1 : 0;
            }
        }
        double rho = RankMetrics.spearman(pred.stream().mapToDouble(Double::doubleValue).toArray(),
                truth.stream().mapToDouble(Double::doubleValue).toArray());
        Map<Integer, Integer> counts = new TreeMap<>();
        predicted.values().forEach(t -> counts.merge(t, 1, Integer::sum));
        long failed = qc.stream().filter(QcRow::failed).count();
        long flagged = qc.stream().filter(r -> r.flags().getOrDefault(Anonymisation.DEFACED_FLAG, false)
                || r.flags().getOrDefault(Anonymisation.STRIPPED_FLAG, false)).count();
        return String.format(Locale.ROOT, "QC: %d scans assessed (%d failed), %d flagged defaced or skull-stripped; "
                + "%s tiers %s; Spearman rho with the true tiers %.2f, %d of %d clean scans in tiers 4-5 "
                + "(qc/group_T1w.tsv)", qc.size() - failed, failed, flagged,
                group.ruleBased() ? "rule-based" : "IQM-deviation (classifier p_usable reported)", counts, rho,
                cleanHigh, clean);
    }

    /** Pretrains briefly on the scans of predicted tier 3 or better (all scans when too few pass). */
    private static String pretrain(Settings s, Path cohortDir, IndexJob.Outcome index, Map<String, Integer> predicted,
            ProgressListener progress) throws IOException {
        StringBuilder tsv = new StringBuilder("path\tage\ttier\n");
        int kept = 0;
        for (ScanRow r : index.table().rows()) {
            String name = QcBatch.bidsName(Path.of(r.get(ScansTable.PATH)));
            int tier = predicted.getOrDefault(name, 0);
            if (tier >= 3) {
                kept++;
            }
            tsv.append(r.get(ScansTable.PATH)).append('\t').append(r.get(ScansTable.AGE)).append('\t')
                    .append(tier == 0 ? "n/a" : Integer.toString(tier)).append('\n');
        }
        Path table = s.out().resolve("scans_qc.tsv");
        AtomicOutput.writeString(table, tsv.toString());
        PretrainConfig d = PretrainConfig.defaults();
        int batch = Math.min(DEMO_BATCH, index.table().rows().size());
        boolean curated = kept >= batch;
        PretrainConfig config = d.withModel(EncoderConfig.resnet(), batch, true)
                .withObjective("yaware", d.temperature(), d.sigma(), false)
                .withSteps(DEMO_STEPS, DEMO_STEPS)
                .withTiers(curated ? List.of(3, 4, 5) : List.of());
        PreprocessSettings pre = new PreprocessSettings(new int[] {24, 28, 24}, 6.0, 0.5, 99.5);
        ScanPretraining.Outcome o = ScanPretraining.run(new ScanPretraining.Request(table, s.out().resolve("model"),
                s.out().resolve("cache"), pre, config), progress);
        double[] l = o.result().losses();
        return String.format(Locale.ROOT, "pretraining: %d scans (%s), %d steps, loss %.3f -> %.3f (mean of first and "
                + "last 5 steps), model in model/", o.scansUsed(), curated ? "predicted tiers 3-5" : "all: too few in tiers 3-5",
                o.result().stepsDone(), mean(l, 0, 5), mean(l, l.length - 5, l.length));
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(v.length, to); i++) {
            sum += v[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
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
