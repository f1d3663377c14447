package org.neurocurate.io.bids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurocurate.progress.ProgressListener;

/**
 * Indexes the 12 real OpenNeuro metadata snapshots in ../shared/data/bids-metadata and checks the
 * harmonised ages and sexes against values this test derives itself from each raw participants.tsv,
 * with a per-dataset rule written from reading the dataset's README and participants.json (which
 * column holds age at scan, which column sex). The test's own TSV reading is deliberately naive
 * (split on tabs and line breaks) so it does not share code with the index.
 */
class BidsIndexRealDataTest {

    /** Ages are written with 6 decimals (AgeHarmoniser.format): at most 0.5e-6 years of rounding. */
    private static final double AGE_TOLERANCE = 1e-6;

    private static Path data;
    private static BidsIndexResult result;

    /**
     * How to read one dataset's truth. {@code ageColumn} gives the raw column holding the age for a
     * (row, session), null when the dataset has no numeric age; {@code longFormat} picks the row by
     * session; {@link #expectedAge} turns the raw cell into years (null = missing) given the Levels.
     */
    record Truth(String dataset, BiFunction<Map<String, String>, String, String> ageColumn, String sexColumn,
                 boolean longFormat) { }

    static Stream<Truth> truths() {
        return Stream.of(
                new Truth("ds000001", (r, s) -> "age", "sex", false),
                new Truth("ds000030", (r, s) -> "age", "gender", false),
                new Truth("ds000117", (r, s) -> "age", "sex", false),
                new Truth("ds000201", (r, s) -> null, "Sex", false),
                new Truth("ds000221", (r, s) -> "age (5-year bins)", "gender", false),
                new Truth("ds000228", (r, s) -> "Age", "Gender", false),
                new Truth("ds001486", (r, s) -> "age_ses-" + s, "sex", false),
                new Truth("ds002748", (r, s) -> "age", "gender", false),
                new Truth("ds004199", (r, s) -> "age_scan", "sex", false),
                new Truth("ds004815", (r, s) -> "age", "sex", false),
                new Truth("ds004856", (r, s) -> "AgeMRI_W" + s.replace("wave", ""), "Sex", false),
                new Truth("ds005027", (r, s) -> "ScanAge", "Sex", true));
    }

    @BeforeAll
    static void indexAll() {
        data = Path.of(System.getProperty("neurocurate.shared", "../shared"), "data", "bids-metadata");
        Assumptions.assumeTrue(Files.isDirectory(data), "shared data absent: " + data + " (skipping real-data tests)");
        List<Path> roots = truths().map(t -> data.resolve(t.dataset())).toList();
        result = BidsIndex.index(BidsIndexConfig.of(roots), ProgressListener.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void subjectCountsMatchParticipantsTsvAndSubjectFolders(Truth t) throws IOException {
        Path root = data.resolve(t.dataset());
        List<Map<String, String>> rows = readTsv(root.resolve("participants.tsv"));
        Set<String> listed = rows.stream().map(r -> r.get("participant_id")).collect(Collectors.toSet());
        DatasetSummary s = summary(t.dataset());
        assertEquals(listed.size(), s.listedParticipants(), "distinct participant_id values in participants.tsv");
        Set<String> foldersWithImages = new TreeSet<>();
        try (Stream<Path> w = Files.walk(root)) {
            w.filter(p -> p.getFileName().toString().matches(".*\\.nii(\\.gz)?"))
                    .forEach(p -> foldersWithImages.add(root.relativize(p).getName(0).toString()));
        }
        Set<String> indexed = scans(t.dataset()).stream().map(ScanRecord::participantId)
                .filter(id -> !id.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(foldersWithImages, indexed, "subjects with images");
        assertTrue(listed.containsAll(indexed), "every indexed subject is listed in participants.tsv");
        try (Stream<Path> l = Files.list(root)) {
            assertEquals(l.filter(p -> p.getFileName().toString().startsWith("sub-") && Files.isDirectory(p)).count(),
                    s.subjectFolders());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void everyScanAgeEqualsWhatParticipantsTsvImpliesAndNoneIsInvented(Truth t) throws IOException {
        Path root = data.resolve(t.dataset());
        List<Map<String, String>> rows = readTsv(root.resolve("participants.tsv"));
        JsonObject sidecar = readSidecar(root);
        Map<String, Double> expectedBySession = new TreeMap<>();
        Map<String, Double> indexedBySession = new TreeMap<>();
        for (ScanRecord r : scans(t.dataset())) {
            if (r.participantId().isEmpty()) {
                assertTrue(r.age().isEmpty(), "no age without a participant: " + r.path());
                continue;
            }
            Map<String, String> row = rows.stream().filter(x -> x.get("participant_id").equals(r.participantId())
                    && (!t.longFormat() || x.get("session").equals(r.session()))).findFirst().orElseThrow();
            String column = t.ageColumn().apply(row, r.session());
            Double expected = column == null ? null : expectedAge(row.get(column), levels(sidecar, column));
            String where = r.path() + " (" + column + "=" + (column == null ? "" : row.get(column)) + ")";
            if (expected == null) {
                assertTrue(r.age().isEmpty(), "age must stay missing, not invented: " + where);
            } else {
                assertEquals(expected, r.age().orElseThrow(() -> new AssertionError("age missing: " + where)),
                        AGE_TOLERANCE, where);
                expectedBySession.put(r.participantId() + "/" + r.session(), expected);
                indexedBySession.put(r.participantId() + "/" + r.session(), r.age().getAsDouble());
            }
        }
        DoubleSummaryStatistics e = expectedBySession.values().stream().mapToDouble(Double::doubleValue).summaryStatistics();
        DoubleSummaryStatistics i = indexedBySession.values().stream().mapToDouble(Double::doubleValue).summaryStatistics();
        assertEquals(e.getCount(), i.getCount(), "subject-sessions with an age");
        assertEquals(e.getAverage(), i.getAverage(), AGE_TOLERANCE, "mean age");
        assertEquals(e.getMin(), i.getMin(), AGE_TOLERANCE, "min age");
        assertEquals(e.getMax(), i.getMax(), AGE_TOLERANCE, "max age");
        if (t.dataset().equals("ds000201")) {
            assertEquals(0, i.getCount(), "ds000201 has only AgeGroup Young/Old: no numeric age may appear");
        } else {
            assertTrue(i.getCount() > 0, "a dataset with an age column yields ages");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void sexFollowsDeclaredLevelsAndUnparseableValuesAreReported(Truth t) throws IOException {
        Path root = data.resolve(t.dataset());
        List<Map<String, String>> rows = readTsv(root.resolve("participants.tsv"));
        Map<String, String> levels = levels(readSidecar(root), t.sexColumn());
        for (ScanRecord r : scans(t.dataset())) {
            if (r.participantId().isEmpty()) {
                continue;
            }
            String raw = rows.stream().filter(x -> x.get("participant_id").equals(r.participantId())).findFirst()
                    .orElseThrow().get(t.sexColumn());
            String label = levels.entrySet().stream().filter(l -> l.getKey().equalsIgnoreCase(raw))
                    .map(Map.Entry::getValue).findFirst().orElse(raw).toLowerCase();
            String expected = switch (label) {
                case "m", "male" -> "M";
                case "f", "female" -> "F";
                default -> "";
            };
            assertEquals(expected, r.value(ScansTable.SEX), r.path() + " sex raw \"" + raw + "\"");
            if (expected.isEmpty() && !raw.equals("n/a")) {
                assertTrue(r.problems().stream().anyMatch(p -> p.contains("\"" + raw + "\"")),
                        "unparseable sex \"" + raw + "\" must be in problems of " + r.path());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void ageUnitsAreConvertedOnlyWhereDeclared(Truth t) throws IOException {
        JsonObject sidecar = readSidecar(data.resolve(t.dataset()));
        boolean declaresOtherUnit = sidecar != null && sidecar.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase().contains("age") && e.getValue().isJsonObject()
                        && e.getValue().getAsJsonObject().has("Units"))
                .map(e -> e.getValue().getAsJsonObject().get("Units").getAsString().toLowerCase())
                .anyMatch(u -> u.contains("month") || u.contains("day") || u.contains("week"));
        boolean converted = scans(t.dataset()).stream().anyMatch(r -> r.harmonised().containsKey(ScansTable.AGE)
                && r.harmonised().get(ScansTable.AGE).note().contains("to years"));
        assertEquals(declaresOtherUnit, converted, "conversion happens exactly where months/days/weeks are declared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void everyHarmonisedValueKeepsItsRawSource(Truth t) {
        for (ScanRecord r : scans(t.dataset())) {
            for (Map.Entry<String, Harmonised> e : r.harmonised().entrySet()) {
                if (e.getValue().isPresent()) {
                    assertFalse(e.getValue().source().isEmpty(), e.getKey() + " of " + r.path());
                    assertFalse(e.getValue().raw().isEmpty(), e.getKey() + " of " + r.path());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truths")
    void perFileSidecarTimingIsReportedInSecondsFromTopLevelKeysOnly(Truth t) throws IOException {
        for (ScanRecord r : scans(t.dataset())) {
            String own = r.path().getFileName().toString().replaceFirst("\\.nii(\\.gz)?$", ".json");
            Path json = r.path().resolveSibling(own);
            if (!Files.exists(json)) {
                continue;
            }
            JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            for (String[] k : new String[][] {{"RepetitionTime", ScansTable.TR, "100"}, {"EchoTime", ScansTable.TE, "1"},
                {"FlipAngle", ScansTable.FLIP_ANGLE, "1e9"}}) {
                if (o.has(k[0]) && o.get(k[0]).isJsonPrimitive() && o.get(k[0]).getAsJsonPrimitive().isNumber()) {
                    double raw = o.get(k[0]).getAsDouble();
                    double expected = raw > Double.parseDouble(k[2]) ? raw / 1000 : raw;
                    // 6-decimal formatting (AgeHarmoniser.format) rounds by at most 0.5e-6.
                    assertEquals(expected, Double.parseDouble(r.value(k[1])), 1e-6, k[0] + " of " + own);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void flashEchoesWithTimingOnlySidecarsTakeTheScannerOfTheirSession() {
        List<ScanRecord> ds117 = scans("ds000117");
        for (ScanRecord r : ds117) {
            ScanRecord t1 = ds117.stream().filter(x -> x.participantId().equals(r.participantId())
                    && x.session().equals(r.session()) && x.modality().equals("T1w")).findFirst().orElseThrow();
            assertEquals("ds000117/Siemens_TrioTim_3T", t1.value(ScansTable.SITE), "the MPRAGE sidecar names the scanner");
            assertEquals(t1.value(ScansTable.SITE), r.value(ScansTable.SITE), r.path().toString());
            if (r.modality().equals("FLASH")) {
                assertEquals("", r.value(ScansTable.MANUFACTURER), "no manufacturer is copied, only the site");
                assertTrue(r.harmonised().get(ScansTable.SITE).note().startsWith("from other scans of"));
            }
        }
    }

    /** Years from a raw cell: number, "a-b" range midpoint, or a Levels code whose label is "a-b years". */
    private static Double expectedAge(String raw, Map<String, String> levels) {
        String text = levels.getOrDefault(raw, raw);
        if (text.equals("n/a")) {
            return null;
        }
        Matcher range = Pattern.compile("(\\d+)-(\\d+)( years)?").matcher(text);
        if (range.matches()) {
            return (Double.parseDouble(range.group(1)) + Double.parseDouble(range.group(2))) / 2;
        }
        return Double.parseDouble(text);
    }

    private static Map<String, String> levels(JsonObject sidecar, String column) {
        Map<String, String> out = new LinkedHashMap<>();
        if (sidecar != null && sidecar.has(column) && sidecar.getAsJsonObject(column).has("Levels")) {
            sidecar.getAsJsonObject(column).getAsJsonObject("Levels").entrySet()
                    .forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return out;
    }

    private static JsonObject readSidecar(Path root) throws IOException {
        Path json = root.resolve("participants.json");
        return Files.exists(json) ? JsonParser.parseString(Files.readString(json)).getAsJsonObject() : null;
    }

    /** Naive TSV: UTF-8, BOM dropped, CR dropped, tab-split; every line must have the header's width. */
    private static List<Map<String, String>> readTsv(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r", "");
        List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                m.put(header[c], c < cells.length ? cells[c] : "");
            }
            rows.add(m);
        }
        return rows;
    }

    private static List<ScanRecord> scans(String dataset) {
        return result.scans().stream().filter(r -> r.dataset().equals(dataset)).toList();
    }

    private static DatasetSummary summary(String dataset) {
        return result.datasets().stream().filter(s -> s.dataset().equals(dataset)).findFirst().orElseThrow();
    }
}
