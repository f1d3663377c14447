package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.bids.ScansTable;
import picocli.CommandLine;

class IndexCommandTest {

    @TempDir
    Path tmp;

    private Path dataset(String name, String ageA, String ageB) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("sub-a/anat"));
        Files.createDirectories(root.resolve("sub-b/anat"));
        Files.writeString(root.resolve("participants.tsv"), "participant_id\tage\nsub-a\t" + ageA + "\nsub-b\t" + ageB + "\n");
        Files.write(root.resolve("sub-a/anat/sub-a_T1w.nii.gz"), new byte[0]);
        Files.write(root.resolve("sub-b/anat/sub-b_T1w.nii.gz"), new byte[0]);
        Files.write(root.resolve("sub-b/anat/sub-b_FLAIR.nii.gz"), new byte[0]);
        return root;
    }

    @Test
    void indexesSeveralDatasetsIntoOneTableAndAppliesWhereFilters() throws IOException {
        Path d1 = dataset("one", "20", "60");
        Path d2 = dataset("two", "30", "n/a");
        Path out = tmp.resolve("scans.tsv");
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("index", d1.toString(), d2.toString(), "--out", out.toString(),
                "--where", "modality=T1w", "--where", "age=25..100");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join("\t", ScansTable.COLUMNS), lines.get(0));
        ScansTable.Table t = ScansTable.read(out);
        assertEquals(List.of("one/sub-b", "two/sub-a"),
                t.rows().stream().map(r -> r.get("dataset") + "/" + r.get("participant_id")).toList());
    }

    @Test
    void aMissingDatasetFolderIsOneLineOnStderrAndExitOne() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        Path out = tmp.resolve("scans.tsv");
        int code = cl.execute("index", tmp.resolve("nope").toString(), "--out", out.toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("neurocurate: "), err.toString());
        assertTrue(err.toString().contains("nope: not a folder"), err.toString());
        assertFalse(Files.exists(out));
    }
}
