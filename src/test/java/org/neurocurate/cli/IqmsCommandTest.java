package org.neurocurate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

class IqmsCommandTest {

    @Test
    void jsonHasEveryIqmWithNullWhereUndefined(@TempDir Path dir) throws IOException {
        writeCase(dir, 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Main.commandLine().execute("iqms", dir.toString(), "--json");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, status);
        JsonObject o = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(68, o.size());
        assertTrue(o.get("cnr").isJsonNull(), "empty air mask: MRIQC's cnr is NaN, printed as null");
        assertEquals(-1.0, o.get("qi_1").getAsDouble(), 0, "empty air mask: qi_1 = -1");
        assertEquals("16", o.get("size_x").toString(), "sizes print as integers");
    }

    @Test
    void missingCaseFolderExitsNonZeroWithOneLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("iqms", dir.resolve("absent").toString(), "--json");
        assertEquals(1, status);
        assertTrue(err.toString().contains("absent") && err.toString().contains("not a folder"), err.toString());
    }

    /** A cube case with a bright block as brain and no air mask at all. */
    private static void writeCase(Path dir, int n) throws IOException {
        int size = n * n * n;
        float[] image = new float[size];
        float[] segm = new float[size];
        float[][] pvm = {new float[size], new float[size], new float[size]};
        float[] head = new float[size];
        float[] bias = new float[size];
        for (int v = 0; v < size; v++) {
            int x = v % n;
            int label = 1 + x % 3;
            image[v] = 100 * label + (v * 7919 % 13);
            segm[v] = label;
            pvm[label - 1][v] = 1;
            head[v] = 1;
            bias[v] = 1 + 0.01f * (v % 5);
        }
        write(dir, "image", image, n);
        write(dir, "segm", segm, n);
        String[] t = {"csf", "gm", "wm"};
        for (int k = 0; k < 3; k++) {
            write(dir, "pvm_" + t[k], pvm[k], n);
            write(dir, "tpm_" + t[k], pvm[k], n);
        }
        write(dir, "head_mask", head, n);
        write(dir, "air_mask", new float[size], n);
        write(dir, "art_mask", new float[size], n);
        write(dir, "rot_mask", new float[size], n);
        write(dir, "bias", bias, n);
        Files.writeString(dir.resolve("fwhm_mm.json"), "[2, 2, 2]");
    }

    private static void write(Path dir, String name, float[] values, int n) throws IOException {
        NiftiWriter.write(Volume.ofFloats(values, new long[] {n, n, n}, Affine.identity()), dir.resolve(name + ".nii.gz"));
    }
}
