package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TierPlotTest {

    @TempDir
    Path dir;

    @Test
    void plotRendersHeadlessWithOnePointSeriesPerTierPresent() {
        double[] efc = {0.42, 0.45, 0.55, 0.61, Double.NaN, 0.70, 0.48};
        int[] tiers = {5, 5, 3, 2, 4, 1, 4};
        Plot plot = TierPlot.of("efc", efc, tiers);
        double[] limits = plot.getLimits();
        assertEquals(0.5, limits[0]);
        assertEquals(5.5, limits[1]);
        assertTrue(limits[2] < 0.42 && limits[3] > 0.70, "y range covers every finite value");
        ImagePlus imp = plot.getImagePlus();
        assertTrue(imp.getWidth() > 100 && imp.getHeight() > 100);
        Path png = dir.resolve("efc_by_tier.png");
        assertTrue(new FileSaver(imp).saveAsPng(png.toString()), "plots save as PNG headless");
        assertTrue(Files.exists(png));
    }
}
