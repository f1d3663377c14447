package org.neurocurate.quality.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.io.nifti.NiftiWriter;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

class ScanMemoryTest {

    @TempDir
    Path root;

    @Test
    void theEstimateComesFromTheHeaderAlone() throws IOException {
        Path scan = root.resolve("sub-01_T1w.nii.gz");
        NiftiWriter.write(Volume.ofFloats(new float[10 * 12 * 14], new long[] {10, 12, 14}, Affine.identity()), scan);
        assertEquals(ScanMemory.estimate(10L * 12 * 14), ScanMemory.estimate(scan));
        assertEquals(ScanMemory.BASE_BYTES + 96L * 11_534_336, ScanMemory.estimate(256L * 256 * 176),
                "a 1 mm 256x256x176 scan: about 1.1 GB");
        Path broken = Files.write(root.resolve("broken.nii"), new byte[] {1, 2, 3});
        assertEquals(ScanMemory.BASE_BYTES, ScanMemory.estimate(broken), "an unreadable header costs the base; its read reports why");
    }

    @Test
    void aSecondReservationWaitsUntilTheFirstIsReturned() throws Exception {
        ScanMemory memory = new ScanMemory(100L << 20);
        int first = memory.reserve(60L << 20);
        assertEquals(60, first);
        AtomicBoolean waited = new AtomicBoolean();
        CountDownLatch got = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                memory.release(memory.reserve(60L << 20, () -> waited.set(true)));
                got.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertFalse(got.await(200, TimeUnit.MILLISECONDS), "60 + 60 MB do not fit in 100");
        assertTrue(waited.get(), "the waiting worker said so first");
        memory.release(first);
        assertTrue(got.await(5, TimeUnit.SECONDS), "it runs once the first is returned");
        t.join();
        assertEquals(100, memory.availableMb());
    }

    @Test
    void aScanLargerThanTheBudgetTakesAllOfItAndRunsAlone() throws InterruptedException {
        ScanMemory memory = new ScanMemory(100L << 20);
        int mb = memory.reserve(5L << 30);
        assertEquals(100, mb);
        assertEquals(0, memory.availableMb());
        memory.release(mb);
        assertEquals(100, memory.availableMb());
    }

    /** Four workers, but a budget for one scan at a time: the assessor never sees two scans at once. */
    @Test
    void aBatchKeepsItsWorkersWithinTheBudget() throws IOException {
        List<Path> scans = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            float[] data = new float[16 * 16 * 16];
            for (int i = 0; i < data.length; i++) {
                data[i] = (i * (s + 3)) % 17;
            }
            Path p = root.resolve("scan" + s + ".nii.gz");
            NiftiWriter.write(Volume.ofFloats(data, new long[] {16, 16, 16}, Affine.identity()), p);
            scans.add(p);
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ScanAssessor counting = (volume, modality, progress) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new ScanAssessment(Map.of("x", 1.0), Map.of(), Map.of());
        };
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        long oneScan = ScanMemory.estimate(16L * 16 * 16);
        List<QcRow> rows = QcBatch.files(scans, root.resolve("out"), "T1w", 4, false, counting, progress,
                new ScanMemory(oneScan + oneScan / 2));
        assertEquals(6, rows.stream().filter(r -> !r.failed()).count());
        assertEquals(1, most.get(), "one scan at a time within a budget of 1.5 scans");
        assertEquals(1, warnings.size(), "one warning that workers wait: " + warnings);
        assertTrue(warnings.get(0).contains("MB of heap"), warnings.get(0));

        most.set(0);
        QcBatch.files(scans, root.resolve("out2"), "T1w", 4, false, counting, ProgressListener.NONE,
                new ScanMemory(10 * oneScan));
        assertTrue(most.get() > 1, "with room for ten scans the four workers overlap: " + most.get());
    }
}
