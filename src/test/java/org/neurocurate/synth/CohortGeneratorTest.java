package org.neurocurate.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

/** The BIDS dataset on disk: layout, tables, sidecars, readability and determinism. */
class CohortGeneratorTest {

    private static final CohortSpec SMALL = CohortSpec.defaults().withSubjects(4).withSeed(5).withSites(4)
            .withContrasts(List.of(Contrast.T1W, Contrast.FLAIR)).withArtifactRate(0.5).withGridMm(4).withThreads(2);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesAByteIdenticalDatasetAndAnotherSeedDiffers() throws Exception {
        CohortGenerator.generate(SMALL, tmp.resolve("a"), ProgressListener.NONE);
        CohortGenerator.generate(SMALL.withThreads(1), tmp.resolve("b"), ProgressListener.NONE);
        CohortGenerator.generate(SMALL.withSeed(6), tmp.resolve("c"), ProgressListener.NONE);
        Map<String, String> a = hashes(tmp.resolve("a"));
        assertEquals(a, hashes(tmp.resolve("b")), "same seed, different thread count");
        Map<String, String> c = hashes(tmp.resolve("c"));
        String image = "sub-001/anat/sub-001_T1w.nii.gz";
        assertTrue(a.containsKey(image) && c.containsKey(image));
        assertNotEquals(a.get(image), c.get(image));
        assertNotEquals(a.get("participants.tsv"), c.get("participants.tsv"));
    }

    @Test
    void anotherJvmRunOfTheCommandLineWritesTheSameBytes() throws Exception {
        CohortSpec spec = SMALL.withSubjects(2);
        CohortGenerator.generate(spec, tmp.resolve("here"), ProgressListener.NONE);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.neurocurate.cli.Main", "synth",
                "--out", tmp.resolve("there").toString(), "--subjects", "2", "--seed", "5", "--sites", "4",
                "--contrasts", "T1w,FLAIR", "--artifact-rate", "0.5", "--grid", "4").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        // a fresh JVM has other hash salts and thread timings: only seeded, ordered output survives this
        assertEquals(hashes(tmp.resolve("here")), hashes(tmp.resolve("there")));
    }

    @Test
    void datasetHasTheBidsFilesAndTablesOthersRelyOn() throws Exception {
        Path root = tmp.resolve("ds");
        CohortResult result = CohortGenerator.generate(SMALL, root, ProgressListener.NONE);
        assertEquals(4, result.subjects().size());
        assertEquals(8, result.rows().size());
        assertTrue(result.failures().isEmpty());
        List<String> participants = Files.readAllLines(root.resolve("participants.tsv"));
        assertEquals("participant_id\tage\tsex\tsite", participants.get(0));
        assertEquals(5, participants.size());
        assertTrue(participants.get(1).matches("sub-001\t\\d+\\.\\d\t[MF]\tsite0\\d"), participants.get(1));
        JsonObject description = JsonParser.parseString(Files.readString(root.resolve("dataset_description.json"))).getAsJsonObject();
        assertEquals("1.9.0", description.get("BIDSVersion").getAsString());
        List<String> truth = Files.readAllLines(root.resolve("sourcedata/groundtruth.tsv"));
        assertEquals(9, truth.size());
        assertTrue(truth.get(0).startsWith("participant_id\tscan\tcontrast\tsite\tage\tsex\tartifacts\tmax_severity\ttier"
                + "\ttier_reason\tdefaced\tskull_stripped\tvol_csf_ml"), truth.get(0));
        for (GroundTruthRow row : result.rows()) {
            Path image = root.resolve(row.scan());
            Volume v = NiftiReader.read(image);
            assertEquals(3, v.numDimensions());
            JsonObject sidecar = JsonParser.parseString(Files.readString(
                    Path.of(image.toString().replace(".nii.gz", ".json")))).getAsJsonObject();
            for (String key : List.of("Manufacturer", "MagneticFieldStrength", "RepetitionTime", "EchoTime")) {
                assertTrue(sidecar.has(key), key + " in the sidecar of " + row.scan());
            }
            assertTrue(sidecar.get("EchoTime").getAsDouble() < 1, "EchoTime in seconds");
            assertTrue(Files.exists(root.resolve("sourcedata/" + row.participantId() + "/anat/"
                    + row.participantId() + "_" + row.contrast() + "_groundtruth.json")));
        }
    }

    @Test
    void labelMapOnDiskIsTheGeneratorsGroundTruth() throws Exception {
        Path root = tmp.resolve("ds");
        CohortGenerator.generate(SMALL.withSubjects(1), root, ProgressListener.NONE);
        SubjectParams p = CohortGenerator.subjectParams(SMALL, 0);
        Site site = SiteCatalog.sites(SMALL.sites(), SMALL.seed()).get(p.siteIndex());
        SyntheticSubject s = SubjectGenerator.generate(p, site, SMALL.gridMm(), List.of(Contrast.T1W));
        Volume labels = NiftiReader.read(root.resolve("sourcedata/sub-001/anat/sub-001_dseg.nii.gz"));
        assertArrayEquals(s.labels().toFloatArray(), labels.toFloatArray());
        assertTrue(labels.voxelToWorld().approxEquals(s.grid().affine(), 1e-4), "label map keeps the scan geometry");
        Volume t1 = NiftiReader.read(root.resolve("sub-001/anat/sub-001_T1w.nii.gz"));
        assertArrayEquals(labels.dimensions(), t1.dimensions());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "user data");
        IOException e = assertThrows(IOException.class, () -> CohortGenerator.generate(SMALL, tmp, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(tmp.toString()) && e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("user data", Files.readString(tmp.resolve("keep.txt")));
    }

    @Test
    void cancellingStopsBeforeTheRemainingSubjects() throws Exception {
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        CohortResult r = CohortGenerator.generate(SMALL, tmp.resolve("x"), cancelled);
        assertTrue(r.cancelled());
        assertTrue(r.subjects().isEmpty());
        assertEquals(List.of("participant_id\tage\tsex\tsite"), Files.readAllLines(tmp.resolve("x/participants.tsv")));
    }

    @Test
    void aSubjectThatCannotBeWrittenIsRecordedAndTheOthersComplete() throws Exception {
        Path root = tmp.resolve("ds");
        // once the folder is prepared, a plain file takes the place of sub-002's folder
        ProgressListener blocker = new ProgressListener() {
            @Override
            public boolean isCancelled() {
                try {
                    if (Files.notExists(root.resolve("sub-002")) && Files.notExists(root.resolve("sub-001"))) {
                        Files.writeString(root.resolve("sub-002"), "in the way");
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return false;
            }
        };
        CohortResult r = CohortGenerator.generate(SMALL.withSubjects(3).withThreads(1), root, blocker);
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertTrue(r.failures().get(0).startsWith("sub-002: "), r.failures().get(0));
        assertEquals(List.of("sub-001", "sub-003"), r.subjects().stream().map(SubjectParams::participantId).toList());
        assertTrue(r.rows().stream().noneMatch(row -> row.participantId().equals("sub-002")));
        assertTrue(Files.notExists(root.resolve("sourcedata/sub-002")), "partial ground truth of sub-002 removed");
        List<String> participants = Files.readAllLines(root.resolve("participants.tsv"));
        assertEquals(3, participants.size());
        assertTrue(Files.exists(root.resolve("sub-003/anat/sub-003_T1w.nii.gz")));
    }

    /** SHA-256 of every file under {@code root}, by relative path. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
