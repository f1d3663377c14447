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
import org.neurocurate.learn.data.PreprocessCacheTest;
import org.neurocurate.learn.model.ModelCard;
import org.neurocurate.learn.model.ModelStore;
import picocli.CommandLine;

class PretrainEmbedCommandTest {

    @Test
    void pretrainThenEmbedWritesAModelAndOneRowPerScan(@TempDir Path tmp) throws IOException {
        StringBuilder table = new StringBuilder("path\ttier\tage\n");
        for (int i = 0; i < 4; i++) {
            PreprocessCacheTest.writeScan(tmp, "s" + i + ".nii.gz", 1 + i, i);
            table.append("s").append(i).append(".nii.gz\t").append(1 + i % 2).append('\t').append(30 + 10 * i)
                    .append('\n');
        }
        Files.write(tmp.resolve("broken.nii.gz"), new byte[] {9, 9, 9});
        table.append("broken.nii.gz\t1\t50\n");
        Files.writeString(tmp.resolve("scans.tsv"), table);
        Path model = tmp.resolve("models").resolve("m");

        int code = run("pretrain", "--scans", tmp.resolve("scans.tsv").toString(), "--out", model.toString(),
                "--steps", "3", "--batch", "2", "--warmup", "1", "--grid", "16,16,16", "--threads", "1",
                "--objective", "yaware", "--sigma", "10", "--tiers", "1,2");
        assertEquals(0, code);
        ModelCard card = ModelStore.readCard(model);
        assertEquals(3, card.stepsDone());
        assertEquals(4, card.provenance().scans().size(), "the broken scan is skipped, not fatal");
        assertEquals(List.of(1, 2), card.provenance().tiers());
        assertEquals("yaware", card.training().get("objective"));
        assertTrue(Files.readString(model.resolve("preprocess_failures.tsv")).contains("broken.nii.gz"));
        assertTrue(Files.isDirectory(tmp.resolve("models").resolve("cache")));

        Path out = tmp.resolve("emb.tsv");
        assertEquals(0, run("embed", "--model", model.toString(), "--scans", tmp.resolve("scans.tsv").toString(),
                "--out", out.toString(), "--threads", "1"));
        List<String> lines = Files.readAllLines(out);
        assertEquals(1 + 5, lines.size(), "header plus one row per scan, the broken one included");
        String[] header = lines.get(0).split("\t");
        assertEquals(List.of("path", "tier", "age", "error", "emb_0"), List.of(header).subList(0, 5));
        assertEquals(4 + 128, header.length, "the default ResNet's 8·16 features");
        String[] broken = lines.get(5).split("\t", -1);
        assertTrue(broken[0].endsWith("broken.nii.gz") && !broken[3].isEmpty() && broken[4].equals("n/a"));
        assertTrue(lines.get(1).split("\t", -1)[3].isEmpty());
    }

    @Test
    void aMissingScansTableIsOneErrorLine(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("pretrain", "--scans", tmp.resolve("none.tsv").toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("none.tsv") && err.toString().strip().lines().count() == 1, err.toString());
    }

    /**
     * A learning rate of 10³⁰ overflows the weights at the first step; steps 2–11 are skipped and the
     * run stops with one clear message (the last checkpoint holds step 1's weights: skipped steps do not
     * change them).
     */
    @Test
    void aDivergingRunStopsWithAMessageNotAStackTrace(@TempDir Path tmp) throws IOException {
        StringBuilder table = new StringBuilder("path\n");
        for (int i = 0; i < 2; i++) {
            PreprocessCacheTest.writeScan(tmp, "s" + i + ".nii.gz", 1 + i, i);
            table.append("s").append(i).append(".nii.gz\n");
        }
        Files.writeString(tmp.resolve("scans.tsv"), table);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        Path model = tmp.resolve("m");
        int code = cl.execute("pretrain", "--scans", tmp.resolve("scans.tsv").toString(), "--out", model.toString(),
                "--steps", "40", "--checkpoint-every", "1", "--batch", "2", "--warmup", "0", "--lr", "1e30",
                "--objective", "simclr", "--grid", "16,16,16", "--threads", "1");
        assertEquals(1, code);
        String e = err.toString();
        assertTrue(e.contains(
                "neurocurate: training diverged: the loss or gradients were not finite for 10 steps in a row")
                && e.contains("try a lower learning rate than 1.0E30; the checkpoint of step 10 is kept"), e);
        assertTrue(!e.contains("internal error") && !e.contains("\tat "), "no stack trace: " + e);
        assertTrue(Files.notExists(model.resolve(ModelStore.PARAMS)), "no final model from a diverged run");
    }

    private static int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter sink = new StringWriter();
        cl.setOut(new PrintWriter(sink));
        cl.setErr(new PrintWriter(sink));
        return cl.execute(args);
    }
}
