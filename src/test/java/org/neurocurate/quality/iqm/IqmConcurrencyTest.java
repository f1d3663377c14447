package org.neurocurate.quality.iqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.neurocurate.progress.ProgressListener;

/**
 * A batch runs the IQMs of several scans at once, each from its own thread, while the features and
 * their parts share the common fork-join pool. When the region summaries were computed lazily under
 * the context's lock and in parallel, a batch thread could hold the lock while waiting for a region's
 * task that the pool's worker, itself waiting for the lock in another feature, never ran: the batch
 * hung (bench/qc's 20-scan batch, and once the cohort batch test). Here four threads compute the IQMs
 * of a phantom 25 times each; every run must finish, with the same values.
 */
class IqmConcurrencyTest {

    @Test
    void concurrentScansFinishWithTheSameValues() {
        IqmInputs inputs = new IqmPhantom(24, 20, 0.2, 5).inputs();
        IqmCalculator calculator = IqmCalculator.withAllFeatures();
        Map<String, Double> expected = calculator.compute(inputs, ProgressListener.NONE);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            ExecutorService batch = Executors.newFixedThreadPool(4);
            try {
                List<Future<Map<String, Double>>> runs = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    runs.add(batch.submit(() -> calculator.compute(inputs, ProgressListener.NONE)));
                }
                for (Future<Map<String, Double>> run : runs) {
                    assertEquals(expected, run.get());
                }
            } finally {
                batch.shutdownNow();
            }
        });
    }
}
