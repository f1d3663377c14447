package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;

class TierPredictorTest {

    @TempDir
    Path dir;

    static TierModel model;
    static ExpertRatings.RatedScans rated;

    @BeforeAll
    static void train() {
        rated = SyntheticIqms.generate(4, 50, 0.2, 4, 2);
        model = TierTrainer.train(rated, TierModelJsonTest.small(), ProgressListener.NONE);
    }

    @Test
    void unseenSiteIsTieredWellAfterSiteScaling() {
        var unseen = SyntheticIqms.generate(6, 50, 0.2, 4, 77); // other offsets and spreads
        List<TierAssignment> t = TierPredictor.predict(unseen.table(), model, ProgressListener.NONE);
        double[] p = t.stream().mapToDouble(TierAssignment::pUsable).toArray();
        double auc = RankMetrics.auc(p, unseen.usable());
        // degraded scans are 4 IQRs off on 5 IQMs: after site scaling they separate almost perfectly
        assertTrue(auc > 0.9, "AUC on unseen sites " + auc);
        for (TierAssignment a : t) {
            assertEquals(model.scale().tier(a.pUsable()), a.tier());
            assertTrue(a.reason().startsWith("tier " + a.tier() + ": "), a.reason());
        }
    }

    @Test
    void rowsWithMissingIqmsAreTieredWithANoteOrLeftUntiered() {
        IqmTable t = rated.table();
        double[][] v = t.values().clone(); // rows 0 and 1 are replaced, the shared table stays intact
        v[0] = v[0].clone();
        v[0][t.columnIndex("efc")] = Double.NaN;
        v[1] = new double[v[1].length];
        java.util.Arrays.fill(v[1], Double.NaN);
        IqmTable holes = new IqmTable(t.idColumn(), t.ids(), t.sites(), t.columns(), v, t.problems());
        List<TierAssignment> out = TierPredictor.predict(holes, model, ProgressListener.NONE);
        assertTrue(out.get(0).tiered() && out.get(0).reason().contains("imputed at the reference median: efc"),
                out.get(0).reason());
        assertFalse(out.get(1).tiered());
        assertTrue(out.get(1).reason().startsWith("not tiered:"), out.get(1).reason());
        assertTrue(out.get(2).tiered());
    }

    @Test
    void predictWritesIdFirstThenTierColumnsFromCsv() throws IOException {
        Path csv = dir.resolve("iqms.csv");
        IqmTable t = rated.table();
        StringBuilder sb = new StringBuilder("participant_id,site," + String.join(",", t.columns()) + "\n");
        for (int i = 0; i < t.rows(); i++) {
            sb.append(t.ids().get(i)).append(',').append(t.sites().get(i));
            for (double x : t.values()[i]) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6f", x));
            }
            sb.append('\n');
        }
        sb.append("sub-bad,S0,not-a-number\n");
        Files.writeString(csv, sb.toString());
        Path out = dir.resolve("out/tiers.tsv");
        Path modelFile = dir.resolve("m.json");
        TierModelJson.write(model, modelFile);
        Tiers.Prediction p = Tiers.predict(csv, out, TierPredictConfig.defaults().withModel(modelFile), ProgressListener.NONE);
        List<String> lines = Files.readAllLines(out);
        assertEquals("participant_id\tp_usable\ttier\ttier_reason", lines.get(0));
        assertEquals(t.rows() + 2, lines.size());
        assertTrue(lines.get(1).startsWith(t.ids().get(0) + "\t"));
        assertTrue(lines.get(lines.size() - 1).startsWith("sub-bad\tn/a\tn/a\tnot tiered:"), lines.get(lines.size() - 1));
        assertFalse(p.ruleBased());
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void otherModalityFallsBackToRules() throws IOException {
        Path m = dir.resolve("t1w.json");
        TierModelJson.write(model, m);
        TierPredictConfig c = TierPredictConfig.defaults().withModel(m);
        assertTrue(Tiers.predict(rated.table(), c.withModality("bold"), ProgressListener.NONE).ruleBased(),
                "the model was trained on T1w");
        assertFalse(Tiers.predict(rated.table(), c.withModality("T1w"), ProgressListener.NONE).ruleBased());
    }

    @Test
    void tableWithoutTheModelsIqmsFallsBackToRules() throws IOException {
        IqmTable few = new IqmTable("subject_id", List.of("a", "b"), java.util.Arrays.asList(null, null),
                List.of("efc"), new double[][] {{0.5}, {0.6}}, List.of("", ""));
        Tiers.Prediction p = Tiers.predict(few, TierPredictConfig.defaults(), ProgressListener.NONE);
        assertTrue(p.ruleBased());
        assertTrue(p.rows().get(0).reason().endsWith("[rule-based]"));
    }
}
