package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CliTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void infoOnABadFileFailsWithOneLineNamingTheFile() throws Exception {
        Path bad = dir.resolve("scan.nii");
        Files.write(bad, new byte[400]);
        Run r = run("info", bad.toString(), "--json");
        assertEquals(1, r.status());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("sizeof_hdr"), r.err());
    }

    @Test
    void infoRejectsMalformedVoxelIndices() {
        Run r = run("info", "x.nii", "--voxel", "1,2");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--voxel takes i,j,k"), r.err());
    }

    @Test
    void demoRunsEveryStageAndWritesItsOutputs() throws Exception {
        Run r = run("demo", "--out", dir.toString(), "--subjects", "9");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("synth: 9 subjects") && r.out().contains("index: 9 scans"), r.out());
        assertTrue(r.out().contains("QC: ") && r.out().contains("pretraining: "), r.out());
        assertTrue(Files.exists(dir.resolve("cohort/participants.tsv")));
        assertEquals(10, Files.readAllLines(dir.resolve("scans.tsv")).size(), "header and 9 rows");
        assertTrue(Files.exists(dir.resolve("qc/group_T1w.tsv")));
        assertTrue(Files.exists(dir.resolve("model/model.json")), "the pretrained encoder is saved");

        Run macro = run("macro", "macros/open_nifti.ijm", dir.resolve("cohort/sub-001/anat/sub-001_T1w.nii.gz").toString());
        assertEquals(0, macro.status(), macro.err());
        assertTrue(macro.out().matches("\\d+,\\d+,\\d+,[0-9.]+,[0-9.]+,[0-9.]+\\s*"), macro.out());
    }

    @Test
    void demoReplacesItsOwnOutputButNoOtherFolder() throws Exception {
        Path own = dir.resolve("own");
        Files.createDirectories(own.resolve("qc"));
        Files.writeString(own.resolve(org.neurocurate.pipeline.Demo.MARKER), "");
        Files.writeString(own.resolve("qc/stale.tsv"), "left by an earlier demo");
        Run again = run("demo", "--out", own.toString(), "--subjects", "4");
        assertEquals(0, again.status(), again.err());
        assertFalse(Files.exists(own.resolve("qc/stale.tsv")), "the previous demo output is replaced");
        assertTrue(Files.exists(own.resolve("cohort/participants.tsv")) && Files.exists(own.resolve(org.neurocurate.pipeline.Demo.MARKER)));

        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        Run refused = run("demo", "--out", foreign.toString(), "--subjects", "4");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("is not a previous demo's output"), refused.err());
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }
}
