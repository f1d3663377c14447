package org.neurocurate.learn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.neurocurate.learn.DjlEnvironment;
import org.neurocurate.learn.data.BatchPrefetcher;
import org.neurocurate.learn.data.ContrastiveDataset;
import org.neurocurate.learn.data.ViewBatch;
import org.neurocurate.learn.data.ViewBatchFactory;
import org.neurocurate.learn.data.augment.AugmentationPipeline;
import org.neurocurate.learn.loss.BatchLabels;
import org.neurocurate.learn.loss.ContrastiveLoss;
import org.neurocurate.learn.model.EncoderNetwork;
import org.neurocurate.learn.model.Encoders;
import org.neurocurate.learn.model.Gradients;
import org.neurocurate.learn.model.ModelCard;
import org.neurocurate.learn.model.ModelStore;
import org.neurocurate.progress.ProgressListener;

/**
 * Contrastive pretraining: the core entry point behind {@code neurocurate pretrain} and the Fiji
 * command. Each step takes the prefetched batch of two views of N scans, runs the 2N views through
 * encoder and head in one pass (batch-norm statistics over both views, as SimCLR), computes the
 * configured loss, back-propagates and updates. Every array of a step lives in a per-step
 * {@link NDManager} closed at the end of the step.
 *
 * <p>If {@code modelDir} holds a checkpoint the run resumes from it: parameters, optimiser state and
 * step are restored, and since every batch is a function of (seed, step) the result equals an
 * uninterrupted run's.
 */
public final class Pretrainer {

    private Pretrainer() {
    }

    /**
     * @throws IOException when a scan, the checkpoint or an output cannot be read or written
     */
    public static PretrainResult run(PretrainConfig config, ContrastiveDataset data, Path modelDir,
            ProgressListener listener) throws IOException {
        return run(config, config.loss(), data, modelDir, listener);
    }

    /**
     * As {@link #run(PretrainConfig, ContrastiveDataset, Path, ProgressListener)} with {@code loss} in
     * place of the configured one (tests).
     */
    static PretrainResult run(PretrainConfig config, ContrastiveLoss loss, ContrastiveDataset data, Path modelDir,
            ProgressListener listener) throws IOException {
        Engine engine = DjlEnvironment.engine(config.threads(), config.interopThreads());
        engine.setRandomSeed((int) config.seed());
        Files.createDirectories(modelDir);
        int[] shape = data.shape();
        long[] gridZyx = {shape[2], shape[1], shape[0]};
        LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), config.warmupSteps(),
                config.steps(), 0);
        try (NDManager root = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(config.encoder(), root);
            net.initialize(root, gridZyx);
            ParameterUpdater updater = new ParameterUpdater(config.optimizer(), config.weightDecay(), root);
            long start = 0;
            if (Checkpoint.exists(modelDir)) {
                start = Checkpoint.read(modelDir, net, updater, root);
                listener.status("resuming from step " + start);
            }
            net.attachGradients();
            ViewBatchFactory factory = new ViewBatchFactory(data,
                    config.augment() ? AugmentationPipeline.defaults() : AugmentationPipeline.none(),
                    config.batchSize(), config.seed(), config.augmentWorkers(), config.tierStratified());
            Loop loop = new Loop(config, net, updater, loss, schedule, root, engine, listener);
            try (LossLog log = new LossLog(modelDir, start);
                    BatchPrefetcher prefetcher = new BatchPrefetcher(factory, start + 1, config.steps(),
                            config.prefetchDepth())) {
                loop.run(start, prefetcher, log, modelDir);
            } finally {
                factory.shutdown();
            }
            if (!loop.cancelled) {
                ModelStore.save(modelDir, net, card(config, data, loop));
                LossCurve.write(modelDir, LossLog.readLosses(modelDir));
            }
            double share = loop.totalNanos == 0 ? 0 : (double) loop.waitNanos / loop.totalNanos;
            double perSecond = loop.totalNanos == 0 ? 0
                    : loop.losses.size() * (double) config.batchSize() / (loop.totalNanos * 1e-9);
            return new PretrainResult(modelDir, loop.lastStep, start, loop.cancelled,
                    loop.losses.stream().mapToDouble(Double::doubleValue).toArray(), share, perSecond);
        }
    }

    private static ModelCard card(PretrainConfig config, ContrastiveDataset data, Loop loop) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ids.add(data.id(i));
        }
        int[] s = data.shape();
        int tail = Math.min(10, loop.losses.size());
        double recent = loop.losses.subList(loop.losses.size() - tail, loop.losses.size()).stream()
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).average().orElse(Double.NaN);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(config.asMap());
        settings.putAll(data.preprocessing());
        return new ModelCard(ModelCard.FORMAT, config.encoder(), new long[] {s[0], s[1], s[2]}, data.spacingMm(),
                data.normalisation(), settings,
                new ModelCard.Provenance(ids, config.tiers(), config.seed()), loop.lastStep, recent);
    }

    /** Forward/backward passes tried per step before it is skipped. */
    static final int ATTEMPTS = 3;

    /** Skipped steps in a row that stop the run as diverged. */
    static final int MAX_SKIPPED_IN_A_ROW = 10;

    /** The step loop and its running totals. */
    private static final class Loop {
        private final PretrainConfig config;
        private final EncoderNetwork net;
        private final ParameterUpdater updater;
        private final ContrastiveLoss loss;
        private final LearningRateSchedule schedule;
        private final NDManager root;
        private final Engine engine;
        private final ProgressListener listener;
        private final List<Double> losses = new ArrayList<>();
        private java.nio.ByteBuffer input;
        private long waitNanos;
        private long totalNanos;
        private long lastStep;
        private boolean cancelled;
        private long skipped;
        private int skippedInARow;
        private long lastCheckpoint;

        Loop(PretrainConfig config, EncoderNetwork net, ParameterUpdater updater, ContrastiveLoss loss,
                LearningRateSchedule schedule, NDManager root, Engine engine, ProgressListener listener) {
            this.config = config;
            this.net = net;
            this.updater = updater;
            this.loss = loss;
            this.schedule = schedule;
            this.root = root;
            this.engine = engine;
            this.listener = listener;
        }

        void run(long start, BatchPrefetcher prefetcher, LossLog log, Path modelDir) throws IOException {
            List<Parameter> params = net.trainableParameters();
            lastStep = start;
            lastCheckpoint = start;
            for (long step = start + 1; step <= config.steps(); step++) {
                if (listener.isCancelled()) {
                    cancelled = true;
                    Checkpoint.write(modelDir, lastStep, net, updater);
                    listener.status("cancelled after step " + lastStep + "; checkpoint written");
                    return;
                }
                long t0 = System.nanoTime();
                ViewBatch batch = next(prefetcher);
                long t1 = System.nanoTime();
                double lr = schedule.at(step);
                double value = step(step, batch, params, lr, prefetcher);
                long t2 = System.nanoTime();
                waitNanos += t1 - t0;
                totalNanos += t2 - t0;
                losses.add(value);
                lastStep = step;
                log.append(step, value, lr, (t1 - t0) * 1e-6, (t2 - t0) * 1e-6);
                boolean last = step == config.steps();
                if (last || (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0)) {
                    Checkpoint.write(modelDir, step, net, updater);
                    lastCheckpoint = step;
                }
                listener.progress(step, config.steps());
            }
        }

        private ViewBatch next(BatchPrefetcher prefetcher) throws IOException {
            try {
                return prefetcher.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a batch", e);
            }
        }

        /**
         * One optimiser step on {@code batch}; returns its loss, or NaN when the step was skipped.
         *
         * <p>The forward/backward pass is recomputed, up to {@link #ATTEMPTS} times in all, while
         * the loss or a gradient is not finite (see {@link Gradients} for the oneDNN padding read
         * that causes this now and then); the update uses the first finite pass, so a recovered
         * step equals an undisturbed one (batch-norm running statistics, which the loss does not
         * use, see the batch once more). A step that stays non-finite is skipped: no update, NaN in
         * the loss log. {@link #MAX_SKIPPED_IN_A_ROW} skipped steps in a row mean divergence and
         * stop the run.
         */
        private double step(long stepNumber, ViewBatch batch, List<Parameter> params, double lr,
                BatchPrefetcher prefetcher) {
            int n = batch.n();
            int[] s = batch.shape();
            BatchLabels labels = new BatchLabels(batch.y(), config.qualityWeighted() ? batch.weights() : null);
            try (NDManager stepManager = root.newSubManager()) {
                NDArray x = stepManager.create(inputBuffer(batch.voxels()), new Shape(2L * n, 1, s[2], s[1], s[0]),
                        DataType.FLOAT32);
                prefetcher.recycle(batch);
                String first = null;
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    NDArray value;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        NDArray z = net.project(x, true);
                        value = loss.loss(z.get(new NDIndex("0:{}", n)), z.get(new NDIndex("{}:", n)), labels);
                        gc.backward(value);
                    }
                    float v = value.getFloat();
                    if (Float.isFinite(v) && Gradients.finite(params)) {
                        updater.step(params, lr);
                        skippedInARow = 0;
                        if (first != null) {
                            listener.status(String.format(Locale.ROOT, "step %d: %s on pass 1; recomputed, pass %d "
                                    + "finite", stepNumber, first, attempt));
                        }
                        return v;
                    }
                    Gradients.zero(params);
                    if (first == null) {
                        first = Float.isFinite(v) ? "gradients not finite (loss " + v + ")" : "loss " + v;
                    }
                }
                listener.status(String.format(Locale.ROOT, "step %d: %s on all %d passes; step skipped, no update",
                        stepNumber, first, ATTEMPTS));
            }
            skipped++;
            if (++skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "training diverged: the loss or gradients were not finite for %d steps in a row (to step %d; "
                                + "%d steps skipped in all); try a lower learning rate than %s%s",
                        skippedInARow, stepNumber, skipped, config.learningRate(),
                        lastCheckpoint > 0 ? "; the checkpoint of step " + lastCheckpoint + " is kept" : ""));
            }
            return Double.NaN;
        }

        /**
         * The batch in one direct buffer reused by every step. A heap array would be copied into a
         * fresh direct buffer each step, native memory that only the garbage collector returns.
         * Reuse is safe: the previous step's input tensor is closed and its graph freed by then.
         */
        private java.nio.ByteBuffer inputBuffer(float[] voxels) {
            if (input == null || input.capacity() != 4 * voxels.length) {
                input = java.nio.ByteBuffer.allocateDirect(4 * voxels.length).order(java.nio.ByteOrder.nativeOrder());
            }
            input.clear();
            input.asFloatBuffer().put(voxels);
            return input;
        }
    }
}
