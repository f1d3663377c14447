package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.PlugIn;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The Fiji faces of "Open NIfTI": the SciJava command, the ImageJ 1 entry and the macro in macros/. */
class OpenNiftiFacesTest {

    @TempDir
    static Path dir;
    static Path file;
    static float[] values;

    @BeforeAll
    static void writeScan() throws Exception {
        values = new float[20 * 16 * 12];
        for (int n = 0; n < values.length; n++) {
            values[n] = (n % 97) * 0.5f;
        }
        file = dir.resolve("sub-01_T1w.nii.gz");
        NiftiWriter.write(Volume.ofFloats(values, new long[] {20, 16, 12}, Affine.scaling(1.5, 1.25, 3)), file);
        HeadlessImageJ.registerCommands();
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }

    @Test
    void macroInMacrosFolderOpensTheFileThroughImageJsInterpreter() {
        Path macro = Paths.get("macros", "open_nifti.ijm").toAbsolutePath();
        String result = IJ.runMacroFile(macro.toString(), file.toString());
        String[] parts = result.split(",");
        assertEquals("20", parts[0]);
        assertEquals("16", parts[1]);
        assertEquals("12", parts[2]);
        assertEquals(1.5, Double.parseDouble(parts[3]), 1e-4, "voxel width from pixdim, 4 decimals in the macro");
        assertEquals(3.0, Double.parseDouble(parts[4]), 1e-4, "voxel depth from pixdim");
        assertEquals(mean(values), Double.parseDouble(parts[5]), 1e-5, "mean of slice means = volume mean (equal slices)");
    }

    @Test
    void sciJavaCommandRunsHeadlessAndCalibratesInMm() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class)
                    .run(OpenNiftiCommand.class, true, Map.of("path", file.toFile(), "reorient_to_ras", false)).get();
            assertTrue(!m.isCanceled(), m.getCancelReason());
            ImagePlus imp = (ImagePlus) m.getOutput("image");
            assertEquals(20, imp.getWidth());
            assertEquals(12, imp.getNSlices());
            assertEquals(1.25, imp.getCalibration().pixelHeight, 1e-12);
            assertEquals("mm", imp.getCalibration().getUnit());
            assertEquals(values[20 * 16 * 5 + 7], imp.getStack().getProcessor(6).getf(7), "slice 6, pixel 7");
        }
    }

    @Test
    void sciJavaCommandCancelsWithTheReaderMessageOnBadInput() throws Exception {
        File missing = dir.resolve("absent.nii").toFile();
        try (Context context = new Context(CommandService.class)) {
            CommandModule m = context.service(CommandService.class)
                    .run(OpenNiftiCommand.class, true, Map.of("path", missing)).get();
            assertTrue(m.isCanceled());
            assertTrue(m.getCancelReason().contains("absent.nii") && m.getCancelReason().contains("no such file"),
                    m.getCancelReason());
        }
    }

    @Test
    void everyPluginsConfigEntryIsALoadableImageJPlugin() throws Exception {
        Map<String, String> entries = HeadlessImageJ.entries();
        assertTrue(entries.containsKey("NeuroCurate Open NIfTI"));
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String cls = e.getValue().replaceAll("\\(.*\\)$", "");
            assertTrue(PlugIn.class.isAssignableFrom(Class.forName(cls)), e.getKey() + " → " + cls);
            assertTrue(!e.getKey().endsWith("..."), "ImageJ 1 labels differ from the SciJava menu labels: " + e.getKey());
        }
    }

    @Test
    void sciJavaPluginIndexListsTheCommand() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/json/org.scijava.plugin.Plugin")) {
            assertTrue(in != null, "the annotation processor wrote the plugin index");
            assertTrue(new String(in.readAllBytes()).contains(OpenNiftiCommand.class.getName()));
        }
    }
}
