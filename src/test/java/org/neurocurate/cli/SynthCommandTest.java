package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code synth} subcommand: flags of the issue, a dataset on disk, one-line errors. */
class SynthCommandTest {

    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesACohortWithTheRequestedSubjectsAndContrasts() throws Exception {
        Path out = tmp.resolve("cohort");
        StringWriter o = new StringWriter();
        int code = run(o, new StringWriter(), "synth", "--out", out.toString(), "--subjects", "2", "--seed", "3",
                "--sites", "2", "--contrasts", "T1w,T2w", "--artifact-rate", "1", "--grid", "4");
        assertEquals(0, code);
        assertTrue(o.toString().startsWith("wrote 2 subjects, 4 scans"), o.toString());
        assertTrue(Files.exists(out.resolve("sub-002/anat/sub-002_T2w.nii.gz")));
        assertEquals(5, Files.readAllLines(out.resolve("sourcedata/groundtruth.tsv")).size());
        assertTrue(Files.readAllLines(out.resolve("sourcedata/groundtruth.tsv")).stream().skip(1)
                .noneMatch(l -> l.contains("\tnone\t")), "artifact rate 1 corrupts every scan");
    }

    @Test
    void unknownContrastFailsWithOneLine() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "synth", "--out", tmp.resolve("x").toString(), "--subjects", "1",
                "--seed", "1", "--contrasts", "T1w,DWI");
        assertEquals(1, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("DWI"), err.toString());
    }
}
