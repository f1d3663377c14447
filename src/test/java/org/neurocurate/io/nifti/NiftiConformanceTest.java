package org.neurocurate.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurocurate.SharedData;
import org.neurocurate.cli.Main;
import org.neurocurate.volume.Orientation;
import org.neurocurate.volume.Reorient;
import org.neurocurate.volume.Volume;

import picocli.CommandLine;

/**
 * Every image in ../shared/data/nifti/ read through {@code neurocurate info --json} matches the values
 * nibabel 5.0 computed for it ({@code <name>.expected.json}). The folder is walked, so a new file is a
 * new case.
 */
class NiftiConformanceTest {

    /** Affine tolerance from the issue: nibabel builds the qform in float32, we build it in float64. */
    private static final double AFFINE_TOL = 1e-5;
    /** Statistics tolerance from the issue: summation order differs from numpy's pairwise sums. */
    private static final double STAT_REL_TOL = 1e-6;

    @TestFactory
    Stream<DynamicTest> everyFileMatchesNibabel() {
        return SharedData.orSkipped("nifti", () -> {
            Path root = SharedData.require("nifti");
            List<Path> images = images(root);
            assertTrue(images.size() >= 40, "expected the conformance folder's ~80 images, found " + images.size());
            return images.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> check(p)));
        });
    }

    private static List<Path> images(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(NiftiConformanceTest::isImage).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> closestCanonicalMatchesNibabel() {
        return SharedData.orSkipped("nifti", () -> {
            Path root = SharedData.require("nifti");
            return images(root).stream()
                    .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> checkCanonical(p)));
        });
    }

    private static void checkCanonical(Path image) throws IOException {
        JsonObject expected = JsonParser.parseString(Files.readString(expectedFor(image))).getAsJsonObject();
        JsonObject canonical = expected.getAsJsonObject("canonical");
        Assumptions.assumeTrue(expected.get("datatype").getAsInt() != 32, "complex64 is refused by design");
        Assumptions.assumeTrue(canonical != null && !canonical.get("orientation").isJsonNull(),
                "nibabel gives no orientation for this file");
        Volume volume = NiftiReader.read(image);
        assertEquals(canonical.get("orientation").getAsString(), Orientation.of(volume.voxelToWorld()).code());
        Volume ras = Reorient.toClosestCanonical(volume);
        JsonArray shape = canonical.getAsJsonArray("shape");
        for (int d = 0; d < shape.size(); d++) {
            assertEquals(shape.get(d).getAsLong(), ras.dimensions()[d], "canonical shape axis " + d);
        }
        double[][] ea = matrix(canonical.getAsJsonArray("affine"));
        double[][] aa = ras.voxelToWorld().toRows();
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(ea[r], aa[r], AFFINE_TOL, "canonical affine row " + r);
        }
        RandomAccess<? extends RealType<?>> ra = ras.image().randomAccess();
        JsonArray voxels = canonical.getAsJsonArray("voxels");
        for (int v = 0; v < voxels.size(); v++) {
            JsonArray ijk = voxels.get(v).getAsJsonArray();
            long[] pos = new long[ras.numDimensions()];
            for (int d = 0; d < 3; d++) {
                pos[d] = ijk.get(d).getAsLong();
            }
            ra.setPosition(pos);
            assertEquals(canonical.getAsJsonArray("values").get(v).getAsDouble(), ra.get().getRealDouble(),
                    "value at canonical voxel " + ijk + " (exact: reorientation only moves voxels)");
        }
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".hdr");
    }

    static Path expectedFor(Path image) {
        String n = image.getFileName().toString();
        String stem = n.endsWith(".hdr") ? n.substring(0, n.length() - 4) : n;
        return image.resolveSibling(stem + ".expected.json");
    }

    private static void check(Path image) throws IOException {
        JsonObject expected = JsonParser.parseString(Files.readString(expectedFor(image))).getAsJsonObject();
        List<String> args = new ArrayList<>(List.of("info", image.toString(), "--json"));
        JsonArray voxels = expected.has("voxels") ? expected.getAsJsonArray("voxels") : new JsonArray();
        for (JsonElement v : voxels) {
            JsonArray ijk = v.getAsJsonArray();
            args.add("--voxel");
            args.add(ijk.get(0).getAsLong() + "," + ijk.get(1).getAsLong() + "," + ijk.get(2).getAsLong());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args.toArray(String[]::new));

        if (expected.get("datatype").getAsInt() == 32) {
            // complex64: the conformance README allows refusing it with a clear message.
            assertEquals(1, status, "complex data must be refused");
            assertTrue(err.toString().contains("unsupported datatype complex64"), err.toString());
            assertTrue(err.toString().contains(image.toString()), "the message names the file: " + err);
            return;
        }
        assertEquals(0, status, "info failed: " + err);
        JsonObject actual = JsonParser.parseString(out.toString()).getAsJsonObject();

        for (String key : List.of("version", "datatype", "bitpix", "qform_code", "sform_code", "xyzt_units",
                "intent_code", "descrip", "scl_slope", "scl_inter", "dim", "pixdim")) {
            assertEquals(expected.get(key), actual.get(key), key + " differs");
        }
        double[][] ea = matrix(expected.getAsJsonArray("affine"));
        double[][] aa = matrix(actual.getAsJsonArray("affine"));
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(ea[r], aa[r], AFFINE_TOL, "affine row " + r);
        }
        assertEquals(expected.get("n_nonfinite").getAsLong(), actual.get("n_nonfinite").getAsLong(), "n_nonfinite");
        for (String key : List.of("min", "max", "mean", "std")) {
            double e = expected.get(key).getAsDouble();
            double a = actual.get(key).getAsDouble();
            assertEquals(e, a, STAT_REL_TOL * Math.max(Math.abs(e), Double.MIN_NORMAL), key);
        }
        assertEquals(expected.get("values"), actual.get("values"), "voxel values must match exactly");
    }

    static double[][] matrix(JsonArray rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonArray row = rows.get(r).getAsJsonArray();
            m[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                m[r][c] = row.get(c).getAsDouble();
            }
        }
        return m;
    }
}
