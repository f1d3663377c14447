package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.neurocurate.volume.Volume;

class QcBatchTest {

    @Test
    void corruptAndNonBrainFilesGetARowSayingWhyAndTheRestCompletes(@TempDir Path dir) throws IOException {
        HeadPhantom phantom = new HeadPhantom(48, 4);
        Path good = dir.resolve("a-good.nii.gz");
        NiftiWriter.write(phantom.scan(15, 0, 0, 1), good);
        Path corrupt = dir.resolve("b-corrupt.nii.gz");
        byte[] junk = new byte[4000];
        new Random(1).nextBytes(junk);
        Files.write(corrupt, junk);
        Path noise = dir.resolve("c-noise.nii.gz");
        float[] values = new float[48 * 48 * 48];
        Random random = new Random(2);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.abs(random.nextGaussian() * 20);
        }
        NiftiWriter.write(Volume.ofFloats(values, new long[] {48, 48, 48}, phantom.affine()), noise);

        List<QcRow> rows = QcBatch.run(List.of(good, corrupt, noise), QcConfig.DEFAULTS, ProgressListener.NONE);

        assertEquals(3, rows.size());
        assertEquals(2, QcBatch.failures(rows), "the exit status can say something failed");
        assertNull(rows.get(0).error());
        assertEquals(70, rows.get(0).iqms().size(), "68 IQMs plus defaced and skull_stripped");
        assertTrue(rows.get(1).error().contains("b-corrupt.nii.gz"), rows.get(1).error());
        assertTrue(rows.get(2).error().contains("c-noise.nii.gz") && rows.get(2).error().contains("no brain"), rows.get(2).error());
    }
}
