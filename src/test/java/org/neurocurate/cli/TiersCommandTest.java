package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TiersCommandTest {

    @TempDir
    Path dir;

    @Test
    void predictWithRulesWritesTheTierTable() throws IOException {
        Path in = dir.resolve("group_T1w.tsv");
        StringBuilder sb = new StringBuilder("participant_id\tefc\tcjv\tcnr\n");
        for (int i = 0; i < 20; i++) {
            sb.append("sub-").append(i).append('\t').append(0.5 + 0.001 * i).append('\t').append(0.4 + 0.002 * i)
                    .append('\t').append(3 + 0.01 * i).append('\n');
        }
        sb.append("sub-moved\t0.9\t0.41\t3.05\n");
        Files.writeString(in, sb.toString());
        Path out = dir.resolve("tiers.tsv");
        int rc = Main.commandLine().execute("tiers", "predict", "--iqms", in.toString(), "--out", out.toString());
        assertEquals(0, rc);
        List<String> lines = Files.readAllLines(out);
        assertEquals("participant_id\tp_usable\ttier\ttier_reason", lines.get(0));
        String moved = lines.get(lines.size() - 1);
        assertTrue(moved.startsWith("sub-moved\tn/a\t1\ttier 1: efc=0.9 far above the table norm"), moved);
    }

    @Test
    void trainWritesAModelThatPredictAccepts() throws IOException {
        Path x = dir.resolve("x.csv");
        Path y = dir.resolve("y.csv");
        StringBuilder xs = new StringBuilder("subject_id,efc,cjv,cnr,qi_1\n");
        StringBuilder ys = new StringBuilder("subject_id,site,rater_3\n");
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 80; i++) {
            boolean bad = i % 5 == 0;
            double shift = bad ? 1 : 0;
            xs.append(i).append(',').append(0.5 + 0.02 * r.nextGaussian() + 0.1 * shift).append(',')
                    .append(0.4 + 0.02 * r.nextGaussian() + 0.1 * shift).append(',')
                    .append(3 + 0.1 * r.nextGaussian() - shift).append(',').append(0.001 * r.nextDouble()).append('\n');
            ys.append(i).append(',').append(i < 40 ? "A" : "B").append(',').append(bad ? -1 : 1).append('\n');
        }
        Files.writeString(x, xs.toString());
        Files.writeString(y, ys.toString());
        Path model = dir.resolve("m.json");
        assertEquals(0, Main.commandLine().execute("tiers", "train", "--iqms", x.toString(), "--ratings", y.toString(),
                "--out", model.toString(), "--seed", "5"));
        Path out = dir.resolve("t.tsv");
        assertEquals(0, Main.commandLine().execute("tiers", "predict", "--iqms", x.toString(), "--out", out.toString(),
                "--model", model.toString()));
        List<String> lines = Files.readAllLines(out);
        assertEquals(81, lines.size());
        assertTrue(lines.get(1).startsWith("0\t") && !lines.get(1).contains("rule-based"), lines.get(1));
    }

    @Test
    void cliDefaultsAreTheCoreDefaults() {
        assertEquals(org.neurocurate.quality.tier.TierTrainingConfig.defaults(),
                TiersCommand.config(org.neurocurate.quality.tier.ExpertRatings.DEFAULT_RATER,
                        org.neurocurate.quality.tier.TierTrainingConfig.DEFAULT_SEED));
    }

    @Test
    void missingInputIsOneLineAndExitOne() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("tiers", "predict", "--iqms", dir.resolve("nope.csv").toString(),
                "--out", dir.resolve("o.tsv").toString());
        assertEquals(1, rc);
        assertTrue(err.toString().startsWith("neurocurate: ") && err.toString().contains("nope.csv"), err.toString());
    }
}
