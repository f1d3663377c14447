package org.neurocurate.learn.data;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

import org.neurocurate.learn.data.augment.AugmentationPipeline;

/**
 * Builds the batch of any step from (seed, step) alone: which scans (drawn without replacement)
 * and every augmentation parameter come from generators seeded by {@link #mix}. A batch therefore
 * does not depend on which thread made it or on what was made before, which is what makes
 * prefetching and resuming after a kill reproducible.
 */
public final class ViewBatchFactory {

    private final ContrastiveDataset data;
    private final AugmentationPipeline pipeline;
    private final int batchSize;
    private final long seed;
    private final ForkJoinPool pool;
    private final int[][] strata;

    /**
     * @param workers threads that augment the views of one batch in parallel (≥ 1)
     */
    public ViewBatchFactory(ContrastiveDataset data, AugmentationPipeline pipeline, int batchSize, long seed,
            int workers) {
        this(data, pipeline, batchSize, seed, workers, false);
    }

    /**
     * @param tierStratified draw the N scans of a batch evenly across the tiers present (tier 0,
     *     unknown, is a stratum of its own) instead of uniformly
     */
    public ViewBatchFactory(ContrastiveDataset data, AugmentationPipeline pipeline, int batchSize, long seed,
            int workers, boolean tierStratified) {
        if (batchSize < 2 || batchSize > data.size()) {
            throw new IllegalArgumentException("batch size must be in [2, " + data.size() + "], got " + batchSize);
        }
        this.data = data;
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.seed = seed;
        this.pool = workers > 1 ? new ForkJoinPool(workers) : null;
        this.strata = tierStratified ? strata(data) : null;
    }

    private static int[][] strata(ContrastiveDataset data) {
        java.util.TreeMap<Integer, java.util.List<Integer>> byTier = new java.util.TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            byTier.computeIfAbsent(data.tier(i), t -> new java.util.ArrayList<>()).add(i);
        }
        return byTier.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** A 64-bit mix (SplitMix64 finaliser) of the run seed with a step and a slot. */
    public static long mix(long seed, long step, long slot) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1) + 0xBF58476D1CE4E5B9L * (slot + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The N scans of {@code step}: a partial Fisher–Yates shuffle seeded by (seed, step). */
    public int[] indices(long step) {
        Random r = new Random(mix(seed, step, -1));
        if (strata != null) {
            return stratified(r);
        }
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] out = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int j = i + r.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
            out[i] = all[i];
        }
        return out;
    }

    /** Values in one batch: 2N views of the grid. */
    public int batchLength() {
        int[] shape = data.shape();
        return 2 * batchSize * shape[0] * shape[1] * shape[2];
    }

    /**
     * Slot k takes a random unused scan of stratum (k + offset) mod S, the offset drawn per step;
     * an exhausted stratum passes its turn to the next one.
     */
    private int[] stratified(Random r) {
        int[][] pools = new int[strata.length][];
        int[] left = new int[strata.length];
        for (int s = 0; s < strata.length; s++) {
            pools[s] = strata[s].clone();
            left[s] = pools[s].length;
        }
        int offset = r.nextInt(strata.length);
        int[] out = new int[batchSize];
        for (int k = 0; k < batchSize; k++) {
            int s = (k + offset) % strata.length;
            while (left[s] == 0) {
                s = (s + 1) % strata.length;
            }
            int j = r.nextInt(left[s]);
            out[k] = pools[s][j];
            pools[s][j] = pools[s][--left[s]];
        }
        return out;
    }

    /** The batch of {@code step}, both views of every scan augmented independently. */
    public ViewBatch make(long step) throws IOException {
        return make(step, new float[batchLength()]);
    }

    /** As {@link #make(long)}, writing the views into {@code voxels} (length {@link #batchLength()}). */
    public ViewBatch make(long step, float[] voxels) throws IOException {
        if (voxels.length != batchLength()) {
            throw new IllegalArgumentException("batch buffer has " + voxels.length + " values, needs " + batchLength());
        }
        int[] idx = indices(step);
        int[] shape = data.shape();
        int vox = shape[0] * shape[1] * shape[2];
        double[] y = new double[batchSize];
        double[] w = new double[batchSize];
        for (int i = 0; i < batchSize; i++) {
            y[i] = data.y(idx[i]);
            w[i] = data.weight(idx[i]);
        }
        IOException[] failure = new IOException[1];
        RecursiveAction[] tasks = new RecursiveAction[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int slot = i;
            tasks[i] = new RecursiveAction() {
                @Override
                protected void compute() {
                    try {
                        fill(step, slot, idx[slot], voxels, vox);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            };
        }
        if (pool == null) {
            for (RecursiveAction t : tasks) {
                t.invoke();
            }
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(tasks);
                }
            });
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return new ViewBatch(step, idx, voxels, shape, y, w);
    }

    private void fill(long step, int slot, int index, float[] voxels, int vox) throws IOException {
        FloatGrid g = data.grid(index);
        for (int view = 0; view < 2; view++) {
            Random r = new Random(mix(seed, step, 2L * slot + view));
            FloatGrid v = pipeline.sample(r, g).apply(g);
            System.arraycopy(v.data(), 0, voxels, (view * batchSize + slot) * vox, vox);
        }
    }

    /** Stops the worker threads, if any. */
    public void shutdown() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
