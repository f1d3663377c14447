package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import ij.IJ;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The Fiji faces of the BIDS index: SciJava command, ImageJ 1 entry and macros/index_bids.ijm. */
class IndexBidsFacesTest {

    @TempDir
    static Path dir;
    static Path dataset;

    @BeforeAll
    static void makeDataset() throws IOException {
        dataset = dir.resolve("ds-faces");
        Files.createDirectories(dataset);
        Files.writeString(dataset.resolve("dataset_description.json"), "{\"Name\": \"faces\", \"BIDSVersion\": \"1.9.0\"}");
        Files.writeString(dataset.resolve("participants.tsv"), "participant_id\tage\tsex\nsub-01\t24\tM\nsub-02\t31\tF\nsub-03\tn/a\tF\n");
        for (String s : new String[] {"01", "02", "03"}) {
            Path anat = Files.createDirectories(dataset.resolve("sub-" + s + "/anat"));
            Files.write(anat.resolve("sub-" + s + "_T1w.nii.gz"), new byte[0]);
            Files.write(anat.resolve("sub-" + s + "_T2w.nii.gz"), new byte[0]);
        }
        HeadlessImageJ.registerCommands();
    }

    @Test
    void macroIndexesTheDatasetThroughImageJsInterpreter() {
        Path out = dir.resolve("macro-scans.tsv");
        String result = IJ.runMacroFile(Paths.get("macros", "index_bids.ijm").toAbsolutePath().toString(),
                dataset + ";" + out);
        assertEquals("3,27.500,sub-01", result, "3 T1w rows; the unknown age is not counted in the mean");
        assertTrue(Files.exists(out));
    }

    @Test
    void sciJavaCommandWritesTheTableAndReturnsIt() throws Exception {
        Path out = dir.resolve("cmd-scans.tsv");
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class).run(IndexBidsCommand.class, true,
                    Map.of("dataset", dataset.toFile(), "output", out.toFile(), "where", "sex=F")).get();
            assertFalse(m.isCanceled(), m.getCancelReason());
            ResultsTable rt = (ResultsTable) m.getOutput("scans");
            assertEquals(4, rt.size(), "sub-02 and sub-03, T1w and T2w");
            assertEquals(5, Files.readAllLines(out).size(), "header and four rows");
        }
    }

    @Test
    void sciJavaCommandCancelsOnAMissingDataset() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class).run(IndexBidsCommand.class, true,
                    Map.of("dataset", dir.resolve("absent").toFile(), "output", dir.resolve("x.tsv").toFile())).get();
            assertTrue(m.isCanceled());
            assertTrue(m.getCancelReason().contains("absent") && m.getCancelReason().contains("not a folder"),
                    m.getCancelReason());
        }
    }
}
