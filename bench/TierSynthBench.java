import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.PipelineAssessor;
import org.neurocurate.quality.batch.QcBatch;
import org.neurocurate.quality.batch.QcBatchConfig;
import org.neurocurate.quality.batch.QcGroup;
import org.neurocurate.quality.batch.QcRow;
import org.neurocurate.quality.tier.RankMetrics;
import org.neurocurate.quality.tier.TierPredictConfig;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortResult;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.GroundTruthRow;
import org.neurocurate.synth.QualityTier;

/**
 * Benchmark driver (not project code): generates a cohort (subjects, grid mm, artifact rate, seed, out
 * folder), runs the QC batch and the group tiering with and without the classifier (its p_usable is
 * reported beside the tier, not used for it, so both lines agree unless that changes), and
 * prints per artifact type the (true > predicted) tier pairs, then Spearman rho and clean scans in 4-5.
 * With -Dtiers.dump=FILE it writes the rule-based group table to FILE and per scan (bids name, true
 * tier, most severe artifact, site, age in years, largest severity) to FILE.truth, so tiering changes
 * can be re-measured on the same IQMs without regenerating the cohort.
 */
public final class TierSynthBench {
    public static void main(String[] a) throws Exception {
        CohortSpec spec = CohortSpec.defaults().withSubjects(Integer.parseInt(a[0])).withGridMm(Double.parseDouble(a[1]))
                .withArtifactRate(Double.parseDouble(a[2])).withSeed(Long.parseLong(a[3])).withThreads(2);
        Path out = Path.of(a[4]);
        CohortResult cohort = CohortGenerator.generate(spec, out.resolve("bids"), ProgressListener.NONE);
        List<QcRow> rows = QcBatch.participant(new QcBatchConfig(out.resolve("bids"), out.resolve("qc"), List.of(),
                List.of("T1w"), 2, false), new PipelineAssessor(), ProgressListener.NONE);
        String result = "";
        for (boolean rulesOnly : new boolean[] {true, false}) {
            QcGroup.Table g = QcGroup.table(rows, "T1w", TierPredictConfig.defaults().withRulesOnly(rulesOnly),
                    ProgressListener.NONE);
            if (rulesOnly && System.getProperty("tiers.dump") != null) {
                QcBatch.writeTsv(Path.of(System.getProperty("tiers.dump")), g.header(), g.rows());
                CohortResult c = cohort;
                java.nio.file.Files.write(Path.of(System.getProperty("tiers.dump") + ".truth"), c.rows().stream()
                        .map(r -> QcBatch.bidsName(Path.of(r.scan())) + "\t" + r.tier() + "\t" + QualityTier.reason(r.artifacts())
                                + "\t" + siteOf(rows, r) + "\t" + Math.round(r.age()) + "\t" + QualityTier.maxSeverity(r.artifacts()))
                        .toList());
            }
            int name = g.header().indexOf("bids_name");
            int tier = g.header().indexOf("tier");
            int why = g.header().indexOf("tier_reason");
            Map<String, String> reasons = new TreeMap<>();
            g.rows().forEach(r -> reasons.put(r.get(name), r.get(why)));
            Map<String, QcRow> qc = new TreeMap<>();
            rows.forEach(r -> qc.put(r.bidsName(), r));
            Map<String, Integer> predicted = new TreeMap<>();
            g.rows().stream().filter(r -> r.get(tier).matches("[1-5]"))
                    .forEach(r -> predicted.put(r.get(name), Integer.parseInt(r.get(tier))));
            Map<String, List<String>> byType = new TreeMap<>();
            List<double[]> pairs = new ArrayList<>();
            int clean = 0;
            int cleanHigh = 0;
            for (GroundTruthRow r : cohort.rows()) {
                Integer p = predicted.get(QcBatch.bidsName(Path.of(r.scan())));
                byType.computeIfAbsent(QualityTier.reason(r.artifacts()), k -> new ArrayList<>())
                        .add(r.tier() + ">" + (p == null ? "n/a" : p));
                if (p != null) {
                    pairs.add(new double[] {p, r.tier()});
                    clean += r.tier() == 5 ? 1 : 0;
                    cleanHigh += r.tier() == 5 && p >= 4 ? 1 : 0;
                    if (rulesOnly && r.tier() == 5 && p < 4) {
                        String id = QcBatch.bidsName(Path.of(r.scan()));
                        QcRow q = qc.get(id);
                        System.out.println("clean in tier " + p + ": " + id + " age=" + Math.round(r.age()) + " site=" + q.site() + " flags="
                                + q.flags() + " :: " + reasons.get(id));
                    }
                }
            }
            double rho = RankMetrics.spearman(pairs.stream().mapToDouble(x -> x[0]).toArray(),
                    pairs.stream().mapToDouble(x -> x[1]).toArray());
            String label = rulesOnly ? "deviations alone" : "deviations + classifier";
            System.out.println("== " + label + " (true>predicted per most severe artifact; n/a: QC failed)");
            byType.forEach((k, v) -> System.out.println(k + ": " + String.join(" ", v.stream().sorted().toList())));
            System.out.printf(Locale.ROOT, "%s: rho=%.3f over %d tiered scans, clean in tiers 4-5: %d of %d%n", label,
                    rho, pairs.size(), cleanHigh, clean);
            result += String.format(Locale.ROOT, rulesOnly ? " rho_rules=%.3f" : " rho=%.3f clean_4_5=%.3f",
                    rho, (double) cleanHigh / clean);
        }
        System.out.println("RESULT" + result);
    }

    private static String siteOf(List<QcRow> rows, GroundTruthRow r) {
        String id = QcBatch.bidsName(Path.of(r.scan()));
        return rows.stream().filter(q -> q.bidsName().equals(id)).map(QcRow::site).findFirst().orElse("");
    }
}
