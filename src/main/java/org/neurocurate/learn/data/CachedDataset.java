package org.neurocurate.learn.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neurocurate.learn.loss.QualityWeights;
import org.neurocurate.progress.ProgressListener;

/**
 * Scans of a scans table, prepared into the cache and read one grid at a time: memory holds only
 * the grids being augmented, never the cohort.
 */
public final class CachedDataset implements ContrastiveDataset {

    /** A scan that could not be prepared, and why. */
    public record Failure(Path path, String reason) {
    }

    /** The dataset of the scans that could be prepared, and the failures. */
    public record Prepared(CachedDataset dataset, List<Failure> failures) {
    }

    private final List<ScanTable.Row> rows;
    private final List<Path> entries;
    private final PreprocessSettings settings;
    private final QualityWeights quality;

    private CachedDataset(List<ScanTable.Row> rows, List<Path> entries, PreprocessSettings settings,
            QualityWeights quality) {
        this.rows = List.copyOf(rows);
        this.entries = List.copyOf(entries);
        this.settings = settings;
        this.quality = quality;
    }

    /**
     * Prepares every row into {@code cache} (reusing existing entries) on the calling thread; a bad
     * file is recorded as a failure and the others go on.
     */
    public static Prepared prepare(List<ScanTable.Row> rows, PreprocessCache cache, QualityWeights quality,
            ProgressListener listener) {
        return prepare(rows, cache, quality, 1, listener);
    }

    /**
     * As {@link #prepare(List, PreprocessCache, QualityWeights, ProgressListener)} with
     * {@code workers} threads, each holding one scan at a time; the result keeps the table's order.
     */
    public static Prepared prepare(List<ScanTable.Row> rows, PreprocessCache cache, QualityWeights quality,
            int workers, ProgressListener listener) {
        Object[] outcome = new Object[rows.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, workers));
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    if (!listener.isCancelled()) {
                        outcome[index] = prepareOne(rows.get(index), cache, listener);
                        listener.progress(done.incrementAndGet(), rows.size());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("preparing scans failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ScanTable.Row> ok = new ArrayList<>();
        List<Path> entries = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcome[i] instanceof Path entry) {
                ok.add(rows.get(i));
                entries.add(entry);
            } else if (outcome[i] instanceof Failure f) {
                failures.add(f);
            }
        }
        return new Prepared(new CachedDataset(ok, entries, cache.settings(), quality), failures);
    }

    /** The cache entry of one row, or its failure. */
    private static Object prepareOne(ScanTable.Row r, PreprocessCache cache, ProgressListener listener) {
        try {
            return cache.prepare(r.path());
        } catch (IOException | RuntimeException e) {
            // a RuntimeException here is a scan the geometry code could not handle: record it, go on
            listener.warn("skipped " + r.path() + ": " + e.getMessage());
            return new Failure(r.path(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    public List<ScanTable.Row> rows() {
        return rows;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public int[] shape() {
        return settings.grid();
    }

    @Override
    public FloatGrid grid(int i) throws IOException {
        return GridFile.read(entries.get(i));
    }

    @Override
    public double y(int i) {
        return rows.get(i).age();
    }

    /** The tier's quality weight; 1 for scans of unknown tier. */
    @Override
    public double weight(int i) {
        int t = rows.get(i).tier();
        return t == 0 ? 1 : quality.forTier(t);
    }

    @Override
    public String id(int i) {
        return rows.get(i).path().toString();
    }

    @Override
    public int tier(int i) {
        return rows.get(i).tier();
    }

    @Override
    public double[] spacingMm() {
        double mm = settings.spacingMm();
        return new double[] {mm, mm, mm};
    }

    @Override
    public java.util.Map<String, String> preprocessing() {
        return java.util.Map.of("low_percentile", Double.toString(settings.lowPercentile()),
                "high_percentile", Double.toString(settings.highPercentile()),
                "spacing_mm", Double.toString(settings.spacingMm()));
    }

    @Override
    public String normalisation() {
        return settings.describe();
    }
}
