package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;

import picocli.CommandLine;

/** The BIDS-App face of QC on a generated cohort with a corrupt scan added. */
class BidsAppTest {

    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(Main.bidsAppArgs(args));
    }

    @Test
    void positionalFormIsRoutedToQc() {
        assertArrayEquals(new String[] {"qc", "ds", "out", "group"}, Main.bidsAppArgs(new String[] {"ds", "out", "group"}));
        assertArrayEquals(new String[] {"info", "a", "group"}, Main.bidsAppArgs(new String[] {"info", "a", "group"}));
    }

    /**
     * --mem-gb: too small a budget is refused by name; a JVM whose heap may outgrow it (not started by
     * the launcher, which fixes the heap) gets a warning, and the run still completes.
     */
    @Test
    void memoryBudgetIsCheckedAgainstTheJvm() throws Exception {
        Path bids = dir.resolve("ds");
        CohortGenerator.generate(CohortSpec.defaults().withSubjects(1).withSeed(3).withSites(1).withArtifactRate(0)
                .withGridMm(4), bids, ProgressListener.NONE);
        StringWriter e = new StringWriter();
        assertEquals(1, run(new StringWriter(), e, bids.toString(), dir.resolve("o1").toString(), "participant", "--mem-gb", "0.3"));
        assertTrue(e.toString().contains("--mem-gb must be at least 0.5"), e.toString());

        double belowThisJvm = Math.max(0.5, Runtime.getRuntime().maxMemory() / (double) (1L << 30) / 2);
        StringWriter o = new StringWriter();
        e = new StringWriter();
        assertEquals(0, run(o, e, bids.toString(), dir.resolve("o2").toString(), "participant", "--mem-gb", String.valueOf(belowThisJvm)));
        assertTrue(e.toString().contains("this JVM may grow its heap to"), e.toString());
        assertTrue(o.toString().contains("assessed 1 scans, 0 failed"), o.toString());
    }

    @Test
    void participantThenGroupWithACorruptScan() throws Exception {
        Path bids = dir.resolve("ds");
        CohortGenerator.generate(CohortSpec.defaults().withSubjects(3).withSeed(11).withSites(1).withArtifactRate(0)
                .withGridMm(4), bids, ProgressListener.NONE);
        Path bad = Files.createDirectories(bids.resolve("sub-009/anat")).resolve("sub-009_T1w.nii.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        Path out = dir.resolve("qc");

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = run(o, e, bids.toString(), out.toString(), "participant", "--threads", "2");
        assertEquals(1, status, "the exit status says something failed: " + o + e);
        assertTrue(o.toString().contains("assessed 3 scans, 1 failed"), o.toString());
        assertTrue(e.toString().contains("sub-009_T1w") && e.toString().contains("gzip"), e.toString());
        assertTrue(Files.exists(out.resolve("sub-001/anat/sub-001_T1w_iqms.json")));
        assertTrue(Files.exists(out.resolve("sub-001/anat/sub-001_T1w_desc-brain_mask.nii.gz")));

        assertEquals(0, run(new StringWriter(), new StringWriter(), bids.toString(), out.toString(), "group"));
        List<String> lines = Files.readAllLines(out.resolve("group_T1w.tsv"));
        assertEquals(5, lines.size(), "header and four scans");
        List<String> header = List.of(lines.get(0).split("\t"));
        assertEquals("bids_name", header.get(0));
        assertTrue(header.containsAll(List.of("cjv", "efc", "snr_total", "tier", "tier_prob", "tier_reason", "qc_error")));
        int tier = header.indexOf("tier");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c[0].equals("sub-009_T1w")) {
                assertTrue(c[header.indexOf("qc_error")].contains("gzip"), line);
            } else {
                assertTrue(c[tier].matches("[1-5]"), "every good scan is tiered: " + line);
            }
        }
    }
}
