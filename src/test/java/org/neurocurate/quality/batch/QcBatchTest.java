package org.neurocurate.quality.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;
import org.neurocurate.volume.VolumeStatistics;

class QcBatchTest {

    @TempDir
    Path root;
    Path bids;
    Path out;

    /** A simple assessor: mean and SD of the image, a threshold mask; refuses flat images like a real one would. */
    private static final ScanAssessor MEAN_SD = (volume, modality, progress) -> {
        VolumeStatistics s = VolumeStatistics.of(volume.image());
        if (s.std() == 0) {
            throw new IOException("not a head image: constant intensity");
        }
        float[] v = volume.toFloatArray();
        byte[] mask = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            mask[i] = (byte) (v[i] > s.mean() ? 1 : 0);
        }
        return new ScanAssessment(Map.of("summary_mean", s.mean(), "summary_sd", s.std(), "undefined", Double.NaN),
                Map.of("defaced", false),
                Map.of("head", Volume.of(ArrayImgs.unsignedBytes(mask, volume.dimensions()), volume.voxelToWorld())));
    };

    @BeforeEach
    void makeDataset() throws IOException {
        bids = root.resolve("ds");
        out = root.resolve("out");
        Files.createDirectories(bids);
        Files.writeString(bids.resolve("dataset_description.json"), "{\"Name\": \"qc test\", \"BIDSVersion\": \"1.9.0\"}");
        Files.writeString(bids.resolve("participants.tsv"), "participant_id\tage\nsub-01\t30\nsub-02\t40\nsub-03\t50\nsub-04\t60\n");
        for (int s = 1; s <= 3; s++) {
            float[] data = new float[8 * 8 * 8];
            for (int i = 0; i < data.length; i++) {
                data[i] = (i * (s + 3)) % 17;
            }
            Path anat = Files.createDirectories(bids.resolve("sub-0" + s + "/anat"));
            NiftiWriter.write(Volume.ofFloats(data, new long[] {8, 8, 8}, Affine.identity()),
                    anat.resolve("sub-0" + s + "_T1w.nii.gz"));
        }
        Path anat = Files.createDirectories(bids.resolve("sub-04/ses-1/anat"));
        Files.write(anat.resolve("sub-04_ses-1_T1w.nii.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        NiftiWriter.write(Volume.ofFloats(new float[27], new long[] {3, 3, 3}, Affine.identity()),
                anat.resolve("sub-04_ses-1_T2w.nii"));
    }

    @Test
    void aBadFileGetsItsReasonAndTheOthersComplete() throws IOException {
        String before = digest(bids);
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        List<QcRow> rows = QcBatch.participant(QcBatchConfig.of(bids, out), MEAN_SD, listener);
        assertEquals(5, rows.size(), "four T1w and one T2w");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(bids.resolve("sub-04/ses-1/anat/sub-04_ses-1_T2w.nii")
                + ": not a head image")), "each warning names its file: " + warnings);
        assertTrue(warnings.stream().allMatch(w -> w.contains(bids.resolve("sub-04/ses-1/anat").toString())), warnings.toString());
        List<QcRow> failed = rows.stream().filter(QcRow::failed).toList();
        assertEquals(2, failed.size());
        assertTrue(failed.stream().anyMatch(r -> r.bidsName().equals("sub-04_ses-1_T1w") && r.error().contains("gzip")),
                failed.toString());
        assertTrue(failed.stream().anyMatch(r -> r.error().contains("not a head image")), failed.toString());
        assertTrue(Files.exists(out.resolve("dataset_description.json")));
        assertTrue(Files.exists(out.resolve("sub-01/anat/sub-01_T1w_iqms.json")));
        assertTrue(Files.exists(out.resolve("sub-02/anat/sub-02_T1w_desc-head_mask.nii.gz")));
        assertTrue(Files.exists(out.resolve("sub-04/ses-1/anat/sub-04_ses-1_T1w_iqms.json")), "failures are recorded too");
        assertEquals(before, digest(bids), "the input dataset is never written to");

        List<QcRow> group = QcBatch.gather(out, "T1w");
        assertEquals(4, group.size());
        Path tsv = QcBatch.writeGroupTable(out, "T1w", group);
        List<String> lines = Files.readAllLines(tsv);
        assertEquals("bids_name\tsummary_mean\tsummary_sd\tundefined\tdefaced\tqc_error", lines.get(0));
        assertTrue(lines.get(1).startsWith("sub-01_T1w\t") && lines.get(1).contains("\tn/a\tfalse\t"), lines.get(1));
        assertTrue(lines.get(4).startsWith("sub-04_ses-1_T1w\tn/a\tn/a\tn/a\tn/a\t"), lines.get(4));
        QcRow sub01 = group.get(0);
        QcRow fresh = rows.stream().filter(r -> r.bidsName().equals("sub-01_T1w")).findFirst().orElseThrow();
        assertEquals(fresh.iqms().get("summary_mean"), sub01.iqms().get("summary_mean"), "JSON keeps full precision");
    }

    @Test
    void participantLabelsSelectScans() throws IOException {
        QcBatchConfig config = new QcBatchConfig(bids, out, List.of("sub-02", "03"), List.of("T1w"), 1, false);
        List<QcRow> rows = QcBatch.participant(config, MEAN_SD, ProgressListener.NONE);
        assertArrayEquals(new String[] {"sub-02_T1w", "sub-03_T1w"}, rows.stream().map(QcRow::bidsName).sorted().toArray());
        assertTrue(Files.notExists(out.resolve("sub-02/anat/sub-02_T1w_desc-head_mask.nii.gz")), "masks off");
    }

    @Test
    void plainFilesGoFlatIntoTheOutputFolder() throws IOException {
        List<Path> scans = List.of(bids.resolve("sub-01/anat/sub-01_T1w.nii.gz"), bids.resolve("sub-04/ses-1/anat/sub-04_ses-1_T2w.nii"));
        List<QcRow> rows = QcBatch.files(scans, out, "T1w", 2, true, MEAN_SD, ProgressListener.NONE);
        assertEquals(2, rows.size());
        assertTrue(Files.exists(out.resolve("sub-01_T1w_iqms.json")));
        assertTrue(Files.exists(out.resolve("sub-01_T1w_desc-head_mask.nii.gz")));
        assertTrue(rows.get(1).error().contains("not a head image"), rows.get(1).error());
    }

    /** Each scan reaches the assessor with its own contrast: the BIDS suffix, else the caller's modality. */
    @Test
    void eachScanIsAssessedAsItsOwnModality() throws IOException {
        Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        ScanAssessor recording = (volume, modality, progress) -> {
            seen.put(volume.dimensions()[0] + "x", modality);
            return MEAN_SD.assess(volume, modality, progress);
        };
        QcBatch.participant(QcBatchConfig.of(bids, out), recording, ProgressListener.NONE);
        assertEquals(Map.of("8x", "T1w", "3x", "T2w"), seen, "the T1w scans are 8³, the T2w one 3³");

        seen.clear();
        Path plain = root.resolve("brain.nii");
        NiftiWriter.write(Volume.ofFloats(new float[4 * 4 * 4], new long[] {4, 4, 4}, Affine.identity()), plain);
        QcBatch.files(List.of(plain, bids.resolve("sub-04/ses-1/anat/sub-04_ses-1_T2w.nii")), out.resolve("flat"), "PDw", 1,
                false, recording, ProgressListener.NONE);
        assertEquals(Map.of("4x", "PDw", "3x", "T2w"), seen, "a name without a BIDS suffix takes the caller's modality");
    }

    private static String digest(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
