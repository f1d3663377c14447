package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import ij.IJ;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.IndexJob;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;

/** The ImageJ 1 faces of pretraining and embedding, through macros/pretrain_embed.ijm. */
class PretrainFacesTest {

    @TempDir
    Path dir;

    @Test
    void macroPretrainsThenEmbedsEveryScan() throws Exception {
        Path bids = dir.resolve("ds");
        CohortGenerator.generate(CohortSpec.defaults().withSubjects(8).withSeed(3).withSites(1).withArtifactRate(0)
                .withGridMm(4), bids, ProgressListener.NONE);
        Path scans = dir.resolve("scans.tsv");
        IndexJob.run(BidsIndexConfig.of(List.of(bids)), List.of(), scans, ProgressListener.NONE);
        HeadlessImageJ.registerCommands();
        Path model = dir.resolve("model");
        String rows = IJ.runMacroFile(Paths.get("macros", "pretrain_embed.ijm").toAbsolutePath().toString(),
                scans + ";" + model + ";2");
        assertEquals("8", rows, "one embedding row per scan");
        assertTrue(Files.exists(model.resolve("model.json")));
        assertEquals(3, Files.readAllLines(model.resolve("loss.tsv")).size(), "header and two steps");
        assertTrue(Pretraining.lossCurve(model).getImagePlus().getWidth() > 0);
    }
}
