package org.neurocurate.quality.batch;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neurocurate.io.nifti.NiftiException;
import org.neurocurate.io.nifti.NiftiHeader;
import org.neurocurate.io.nifti.NiftiReader;
import org.neurocurate.progress.ProgressListener;

/**
 * The heap a quality-control worker needs for one scan, and the budget that keeps the workers of a batch
 * within the JVM's maximum heap: before reading a scan a worker reserves its estimate (in MB) from a
 * fair semaphore holding the heap less {@link #RESERVE_BYTES}, and returns it when the scan's row is
 * written. More workers than the heap holds then wait instead of failing with an out-of-memory error,
 * and a batch of large scans uses the heap it has whatever {@code --threads} says. A scan whose estimate
 * exceeds the whole budget reserves all of it and runs alone.
 *
 * <p>Measured with the serial collector on the full pipeline ({@code QualityPipeline}): a 1 mm
 * 256×256×176 T1w (11.5 M voxels) completes in a 1,000 MB heap and not in 900 MB; a 3 mm 61×73×61 scan
 * (272 k voxels) in 48 MB. {@link #BYTES_PER_VOXEL} and {@link #BASE_BYTES} cover both with a margin.
 */
public final class ScanMemory {

    /** Peak heap per voxel of the scan while the pipeline runs (float and double maps at full resolution). */
    static final long BYTES_PER_VOXEL = 96;

    /** Peak heap of a scan beside its voxels (working-grid maps, tables, the reader's buffers). */
    static final long BASE_BYTES = 24L << 20;

    /** Heap kept out of the budget for everything but the scans in flight (rows, classes, the table). */
    static final long RESERVE_BYTES = 64L << 20;

    private static final long MB = 1L << 20;

    /** Where a larger maximum heap comes from, for messages. */
    static final String MORE_HEAP = "a larger maximum heap: --mem-gb, -Xmx, or Fiji's Edit > Options > Memory & Threads";

    private final Semaphore megabytes;
    private final int budgetMb;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** A budget of the JVM's maximum heap less {@link #RESERVE_BYTES}. */
    public ScanMemory() {
        this(Runtime.getRuntime().maxMemory() - RESERVE_BYTES);
    }

    /** A budget of {@code bytes} (at least 1 MB). */
    ScanMemory(long bytes) {
        budgetMb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / MB));
        megabytes = new Semaphore(budgetMb, true);
    }

    /** The budget in MB. */
    public int budgetMb() {
        return budgetMb;
    }

    /** Estimated peak heap (bytes) of the pipeline on a scan of {@code voxels} voxels. */
    public static long estimate(long voxels) {
        return BASE_BYTES + BYTES_PER_VOXEL * voxels;
    }

    /**
     * The estimate for a NIfTI file from its header alone; the base estimate when the header cannot be
     * read (the read that follows reports why).
     */
    public static long estimate(Path scan) {
        try {
            NiftiHeader h = NiftiReader.readHeader(scan);
            long voxels = 1;
            for (long d : h.shape()) {
                voxels = Math.multiplyExact(voxels, Math.max(1, d));
            }
            return estimate(voxels);
        } catch (NiftiException | ArithmeticException e) {
            return BASE_BYTES;
        }
    }

    /** MB to reserve for an estimate: rounded up, at most the whole budget. */
    int megabytesFor(long bytes) {
        return (int) Math.min(budgetMb, Math.max(1, (bytes + MB - 1) / MB));
    }

    /**
     * Waits until {@code bytes} (capped at the budget) are free and takes them.
     *
     * @return the MB taken, to give back with {@link #release(int)}
     */
    public int reserve(long bytes) throws InterruptedException {
        return reserve(bytes, () -> { });
    }

    /** As {@link #reserve(long)}, running {@code beforeWaiting} first when the MB are not free at once. */
    public int reserve(long bytes, Runnable beforeWaiting) throws InterruptedException {
        int mb = megabytesFor(bytes);
        if (!megabytes.tryAcquire(mb)) {
            beforeWaiting.run();
            megabytes.acquire(mb);
        }
        return mb;
    }

    /**
     * Reserves a scan's {@link #estimate(Path)}; the first scan of this budget that has to wait says so
     * once through {@code progress}, naming where a larger heap comes from.
     */
    int reserveFor(Path scan, ProgressListener progress) throws InterruptedException {
        long need = estimate(scan);
        return reserve(need, () -> {
            if (!warned.getAndSet(true)) {
                progress.warn(scan + " needs about " + (need >> 20) + " MB of heap; it waits for other scans to finish ("
                        + budgetMb + " MB for all workers; " + MORE_HEAP + ")");
            }
        });
    }

    /** Gives back what {@link #reserve(long)} took. */
    public void release(int mb) {
        megabytes.release(mb);
    }

    /** MB free now (for tests and progress). */
    int availableMb() {
        return megabytes.availablePermits();
    }
}
