package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.batch.QcBatch;
import org.neurocurate.quality.batch.QcRow;
import org.neurocurate.volume.Volume;

/** The pipeline behind the batch runner: good scans complete, bad ones get a row saying why. */
class PipelineAssessorTest {

    @Test
    void corruptAndNonBrainFilesGetARowSayingWhyAndTheRestCompletes(@TempDir Path dir) throws IOException {
        HeadPhantom phantom = new HeadPhantom(48, 4);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path good = in.resolve("a-good.nii.gz");
        NiftiWriter.write(phantom.scan(15, 0, 0, 1), good);
        Path corrupt = in.resolve("b-corrupt.nii.gz");
        byte[] junk = new byte[4000];
        new Random(1).nextBytes(junk);
        Files.write(corrupt, junk);
        Path noise = in.resolve("c-noise.nii.gz");
        float[] values = new float[48 * 48 * 48];
        Random random = new Random(2);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.abs(random.nextGaussian() * 20);
        }
        NiftiWriter.write(Volume.ofFloats(values, new long[] {48, 48, 48}, phantom.affine()), noise);

        List<QcRow> rows = QcBatch.files(List.of(good, corrupt, noise), dir.resolve("out"), "T1w", 1, true,
                new PipelineAssessor(), ProgressListener.NONE);

        assertEquals(3, rows.size());
        QcRow ok = rows.stream().filter(r -> r.source().equals(good)).findFirst().orElseThrow();
        assertTrue(ok.error().isEmpty(), ok.error());
        assertEquals(68 + 4, ok.iqms().size(), "all MRIQC IQMs and NeuroCurate's slice_dropout, gsr_x, gsr_y, gsr_z");
        assertTrue(Double.isFinite(ok.iqms().get("slice_dropout")), "slice_dropout of a head phantom");
        assertTrue(Double.isFinite(ok.iqms().get("gsr_y")), "gsr_y of a head phantom");
        assertFalse(ok.flags().get("defaced") || ok.flags().get("skull_stripped"));
        String bad = rows.stream().filter(r -> r.source().equals(corrupt)).findFirst().orElseThrow().error();
        assertFalse(bad.isEmpty(), "a corrupt file says why");
        String brainless = rows.stream().filter(r -> r.source().equals(noise)).findFirst().orElseThrow().error();
        assertTrue(brainless.contains("no brain"), brainless);
        assertFalse(brainless.contains("slice_dropout"), "noise has no slab of lost signal: " + brainless);
    }

    @Test
    void aContrastTheTissueModelDoesNotKnowIsRefusedByName() {
        Volume scan = new HeadPhantom(32, 6).scan(15, 0, 0, 1);
        IOException e = assertThrows(IOException.class, () -> new PipelineAssessor().assess(scan, "FLAIR", ProgressListener.NONE));
        assertTrue(e.getMessage().contains("FLAIR") && e.getMessage().contains("T2w"), e.getMessage());
    }
}
