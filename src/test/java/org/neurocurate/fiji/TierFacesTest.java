package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.SharedData;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Fiji faces of the tier stage: the IQM-by-tier plot and the leave-one-site-out table, headless. */
class TierFacesTest {


    @TempDir
    static Path dir;
    static Path group;

    @BeforeAll
    static void table() throws Exception {
        // a QC group table's layout: bids_name, IQMs, tier columns (values as the QC stage writes them)
        group = dir.resolve("group_T1w.tsv");
        Files.writeString(group, "bids_name\tefc\tsnr_total\ttier\ttier_prob\ttier_reason\tqc_error\n"
                + "sub-01_T1w\t0.52\t11.2\t5\tn/a\ttier 5: key IQMs within the site norm\t\n"
                + "sub-02_T1w\t0.55\t10.1\t4\tn/a\ttier 4: efc=0.55 far above\t\n"
                + "sub-03_T1w\t0.71\t6.3\t1\tn/a\ttier 1: efc=0.71 far above\t\n"
                + "sub-04_T1w\tn/a\tn/a\tn/a\tn/a\t\tno brain found\n");
        HeadlessImageJ.registerCommands();
    }

    @Test
    void sciJavaCommandPlotsTheChosenIqmByTier() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class).run(IqmsByTierCommand.class, true,
                    Map.of("table", group.toFile(), "iqm", "snr_total")).get();
            assertFalse(m.isCanceled(), m.getCancelReason());
            ImagePlus plot = (ImagePlus) m.getOutput("plot");
            assertTrue(plot.getTitle().startsWith("snr_total by quality tier"), plot.getTitle());
            assertTrue(plot.getWidth() > 100 && plot.getHeight() > 100);
            CommandModule missing = context.service(CommandService.class).run(IqmsByTierCommand.class, true,
                    Map.of("table", group.toFile(), "iqm", "cjv")).get();
            assertTrue(missing.isCanceled() && missing.getCancelReason().contains("'cjv'"), missing.getCancelReason());
        }
    }

    @Test
    void macroEntryShowsThePlotAsTheCurrentImage() {
        String result = IJ.runMacro("setBatchMode(true); run(\"NeuroCurate IQMs by Tier\", \"table=[" + group
                + "] iqm=efc\"); t = getTitle(); close(); setBatchMode(false); return t;");
        assertTrue(result.startsWith("efc by quality tier"), result);
    }

    @Test
    void evaluationCommandGivesOneRowPerSitePlusMeanAndSd() throws Exception {
        // three ABIDE sites of MRIQC's ratings (leave-one-site-out needs no more to run)
        Path mriqc = SharedData.require("mriqc");
        List<String> y = Files.readAllLines(mriqc.resolve("y_abide.csv"));
        List<String> sites = List.of("OLIN", "SDSU", "STANFORD"); // both classes at each
        StringBuilder few = new StringBuilder(y.get(0)).append('\n');
        y.stream().skip(1).filter(l -> sites.contains(l.split(",")[1])).forEach(l -> few.append(l).append('\n'));
        Path ratings = dir.resolve("y_three_sites.csv");
        Files.writeString(ratings, few.toString());
        Path out = dir.resolve("loso.tsv");
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class).run(TierEvaluationCommand.class, true,
                    Map.of("iqms", mriqc.resolve("x_abide.csv").toFile(), "ratings", ratings.toFile(),
                            "output", out.toFile())).get();
            assertFalse(m.isCanceled(), m.getCancelReason());
            ResultsTable rt = (ResultsTable) m.getOutput("evaluation");
            assertEquals(5, rt.size(), "three sites, mean, sd");
            assertEquals("mean", rt.getStringValue("site", 3));
            double auc = rt.getValue("auc", 3);
            assertTrue(auc > 0.5 && auc <= 1, "mean AUC " + auc);
            assertTrue(Files.readString(out).startsWith(String.join("\t", org.neurocurate.quality.tier.LosoReport.COLUMNS)));
        }
    }
}
