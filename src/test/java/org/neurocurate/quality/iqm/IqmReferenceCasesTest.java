package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.neurocurate.progress.ProgressListener;

/**
 * Level (a) against MRIQC itself: every case of ../shared/data/iqm-reference holds inputs and the
 * IQMs MRIQC's own functions computed on them; each IQM must match.
 *
 * <p>Tolerances: 1e−4 relative (the target); qi_2 1e−2 relative, because it depends on a
 * KDE and on where scipy's Nelder–Mead stops. Near zero the relative test is replaced by an absolute
 * floor of 1e−12: the reference zeros come from exact branches (no artifact voxels, too few air
 * voxels for qi_2, an all-zero background), not from cancellation, so anything beyond double
 * rounding noise there is a real difference. A null reference (MRIQC yields NaN) must be NaN here.
 */
class IqmReferenceCasesTest {

    private static final double RELATIVE = 1e-4;
    private static final double RELATIVE_QI2 = 1e-2;
    private static final double ZERO_FLOOR = 1e-12;

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseMatchesMriqc() throws IOException {
        String shared = System.getProperty("neurocurate.shared");
        Path root = shared == null ? null : Path.of(shared, "data", "iqm-reference");
        assumeTrue(root != null && Files.isDirectory(root),
                "skipped: ../shared/data/iqm-reference not found (system property neurocurate.shared)");
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().forEach(cases::add);
        }
        assertTrue(cases.size() >= 4, "expected at least the four documented cases in " + root);
        IqmCalculator calculator = IqmCalculator.withAllFeatures();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(calculator, c)));
    }

    private static void check(IqmCalculator calculator, Path caseDir) throws IOException {
        JsonObject expected = JsonParser.parseString(Files.readString(caseDir.resolve("expected.json"))).getAsJsonObject();
        Map<String, Double> got = calculator.compute(IqmCaseReader.read(caseDir), ProgressListener.NONE);
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(got.keySet()), "the same IQM names as MRIQC");
        List<String> failures = new ArrayList<>();
        for (String key : expected.keySet()) {
            JsonElement e = expected.get(key);
            double value = got.get(key);
            if (e.isJsonNull()) {
                if (!Double.isNaN(value)) {
                    failures.add(key + ": MRIQC gives NaN (null), got " + value);
                }
                continue;
            }
            double want = e.getAsDouble();
            double tolerance = key.equals("qi_2") ? RELATIVE_QI2 : RELATIVE;
            double allowed = Math.max(tolerance * Math.abs(want), ZERO_FLOOR);
            if (!(Math.abs(value - want) <= allowed)) {
                failures.add(key + ": expected " + want + ", got " + value);
            }
        }
        assertTrue(failures.isEmpty(), caseDir.getFileName() + ": " + failures);
    }
}
