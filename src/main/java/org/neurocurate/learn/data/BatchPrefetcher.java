package org.neurocurate.learn.data;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Makes the batches of steps {@code first..last} on a background thread, at most {@code depth}
 * ahead of the trainer, so that augmentation overlaps the optimiser step. Memory is bounded by
 * depth + 1 batch buffers (queued, and the one being made; the trainer copies a batch
 * into native memory and returns it at once), which are recycled ({@link #recycle}) rather than left to the garbage
 * collector: a 2N × 80·96·80 float batch is 39 MB at N = 8, and fresh ones every step grow the heap. The time the trainer spends blocked in {@link #next()} is measured: it is the
 * "data wait" the benchmark reports.
 */
public final class BatchPrefetcher implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final BlockingQueue<float[]> free;
    private final Thread worker;
    private volatile boolean closed;
    private long waitNanos;

    public BatchPrefetcher(ViewBatchFactory factory, long first, long last, int depth) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.free = new ArrayBlockingQueue<>(Math.max(1, depth) + 2);
        for (int i = 0; i < Math.max(1, depth) + 1; i++) {
            free.add(new float[factory.batchLength()]);
        }
        this.worker = new Thread(() -> produce(factory, first, last), "neurocurate-prefetch");
        worker.setDaemon(true);
        worker.start();
    }

    private void produce(ViewBatchFactory factory, long first, long last) {
        try {
            for (long s = first; s <= last && !closed; s++) {
                queue.put(factory.make(s, free.take()));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The next batch, blocking until it is ready.
     *
     * @throws IOException when a scan could not be read
     * @throws IllegalStateException when no batch is left
     */
    public ViewBatch next() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Object o = queue.take();
        waitNanos += System.nanoTime() - t0;
        if (o instanceof ViewBatch b) {
            return b;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException("no batch left");
    }

    /** Returns a batch's buffer for reuse; the batch must not be used afterwards. */
    public void recycle(ViewBatch batch) {
        free.offer(batch.voxels());
    }

    /** Total time (ns) the caller spent blocked in {@link #next()}. */
    public long waitNanos() {
        return waitNanos;
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        queue.clear();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
