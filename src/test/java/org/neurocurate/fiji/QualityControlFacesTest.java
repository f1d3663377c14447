package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Fiji faces of quality control on a generated cohort. */
class QualityControlFacesTest {

    @TempDir
    static Path dir;
    static Path bids;

    @BeforeAll
    static void cohort() throws Exception {
        bids = dir.resolve("ds");
        CohortGenerator.generate(CohortSpec.defaults().withSubjects(3).withSeed(21).withSites(1).withArtifactRate(0)
                .withGridMm(4), bids, ProgressListener.NONE);
        Path bad = Files.createDirectories(bids.resolve("sub-009/anat")).resolve("sub-009_T1w.nii.gz");
        Files.write(bad, new byte[] {1, 2, 3});
        HeadlessImageJ.registerCommands();
    }

    @Test
    void macroAssessesADatasetAndReadsTiersFromTheResultsTable() {
        String result = IJ.runMacroFile(Paths.get("macros", "quality_control.ijm").toAbsolutePath().toString(),
                bids + ";" + dir.resolve("qc-macro"));
        String[] p = result.split(",");
        assertEquals("4", p[0], result);
        assertEquals("1", p[1], "the corrupt file has its own row with the reason");
        assertEquals(3, p[2].trim().split(" ").length, "three tiers: " + result);
        for (String t : p[2].trim().split(" ")) {
            int tier = (int) Double.parseDouble(t);
            assertTrue(tier >= 1 && tier <= 5, result);
        }
        assertTrue(Files.exists(dir.resolve("qc-macro/sub-001/anat/sub-001_T1w_iqms.json")));
    }

    @Test
    void sciJavaCommandOnTheCurrentImageGivesOneRowWithTier() throws Exception {
        ImagePlus imp = ImagePlusBridge.toImagePlus(NiftiReader.read(bids.resolve("sub-001/anat/sub-001_T1w.nii.gz")),
                "sub-001_T1w");
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class).run(QualityControlCommand.class, true,
                    Map.of("image", imp, "show_masks", true)).get();
            assertFalse(m.isCanceled(), m.getCancelReason());
            ResultsTable rt = (ResultsTable) m.getOutput("quality");
            assertEquals(1, rt.size());
            assertTrue(rt.getValue("cjv", 0) > 0, "IQMs are numbers in the table");
            double tier = rt.getValue("tier", 0);
            assertTrue(tier >= 1 && tier <= 5, "tier " + tier);
            assertFalse(rt.getStringValue("tier_reason", 0).isEmpty());
        }
        List<ImagePlus> masks = new ArrayList<>();
        QualityControl.run(imp, QualityControl.DEFAULT_MODALITY, masks);
        assertTrue(masks.stream().anyMatch(m -> m.getTitle().endsWith("-brain")), "masks viewable as images");
    }
}
