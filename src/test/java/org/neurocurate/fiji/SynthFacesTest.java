package org.neurocurate.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.artifact.Artifact;
import org.neurocurate.artifact.Artifacts;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Fiji faces of the cohort generator and the artifact simulator. */
class SynthFacesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void register() throws Exception {
        HeadlessImageJ.registerCommands();
    }

    private static ImagePlus phantom() {
        float[] v = new float[24 * 24 * 12];
        for (int i = 0; i < v.length; i++) {
            int x = i % 24, y = (i / 24) % 24;
            v[i] = (x - 12) * (x - 12) + (y - 12) * (y - 12) < 64 ? 100 : 0;
        }
        return ImagePlusBridge.toImagePlus(Volume.ofFloats(v, new long[] {24, 24, 12}, Affine.scaling(2, 2, 2)), "ph");
    }

    @Test
    void macroGeneratesACohortAndAddsNoiseToAScan() {
        Path out = dir.resolve("cohort");
        String result = IJ.runMacroFile(Paths.get("macros", "synth_artifacts.ijm").toAbsolutePath().toString(), out.toString());
        String[] p = result.split(",");
        assertEquals("2", p[0], "the scan and its noisy copy are open");
        assertTrue(Double.parseDouble(p[2]) > Double.parseDouble(p[1]), "noise raises the slice SD: " + result);
        assertTrue(Files.exists(out.resolve("sourcedata/groundtruth.tsv")));
    }

    @Test
    void artifactChoicesAreExactlyTheShippedArtifacts() {
        assertArrayEquals(Artifacts.ALL.stream().map(Artifact::key).toArray(), SimulateArtifactCommand.CHOICES);
    }

    @Test
    void previewShowsTheArtifactLiveAndCancelRestoresTheImage() throws Exception {
        ImagePlus imp = phantom();
        ImageStack original = imp.getStack();
        try (Context context = new Context(CommandService.class)) {
            SimulateArtifactCommand cmd = new SimulateArtifactCommand();
            context.inject(cmd);
            Map<String, Object> in = new HashMap<>(Map.of("image", imp, "artifact", "ghosting", "severity", 0.8, "seed", 5L));
            setFields(cmd, in);
            cmd.preview();
            assertNotEquals(original, imp.getStack(), "the current image shows the preview");
            assertNotEquals(original.getProcessor(6).getf(2, 12), imp.getStack().getProcessor(6).getf(2, 12),
                    "ghost energy appears in the background");
            cmd.cancel();
            assertSame(original, imp.getStack(), "cancel restores the original");

            CommandModule m = context.service(CommandService.class).run(SimulateArtifactCommand.class, true, in).get();
            assertFalse(m.isCanceled(), m.getCancelReason());
            ImagePlus result = (ImagePlus) m.getOutput("result");
            assertTrue(result.getProperty(SimulateArtifact.PARAMS_PROPERTY).toString().startsWith("ghosting "));
            assertSame(original, imp.getStack(), "running leaves the input untouched");
        }
    }

    @Test
    void severityZeroLeavesTheImageUnchanged() {
        ImagePlus imp = phantom();
        ImagePlus same = SimulateArtifact.apply(imp, "motion", 0, 1);
        for (int z = 1; z <= imp.getNSlices(); z++) {
            assertArrayEquals((float[]) imp.getStack().getProcessor(z).getPixels(),
                    (float[]) same.getStack().getProcessor(z).getPixels(), "slice " + z);
        }
    }

    private static void setFields(Object target, Map<String, Object> values) throws ReflectiveOperationException {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            var f = target.getClass().getDeclaredField(e.getKey());
            f.setAccessible(true);
            f.set(target, e.getValue());
        }
    }
}
