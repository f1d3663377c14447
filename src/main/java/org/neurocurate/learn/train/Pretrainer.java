package org.neurocurate.learn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Engine engine = DjlEnvironment.engine(config.threads(), config.interopThreads());
        engine.setRandomSeed((int) config.seed());
        Files.createDirectories(modelDir);
        int[] shape = data.shape();
        long[] gridZyx = {shape[2], shape[1], shape[0]};
        ContrastiveLoss loss = config.loss();
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
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(config.asMap());
        settings.putAll(data.preprocessing());
        return new ModelCard(ModelCard.FORMAT, config.encoder(), new long[] {s[0], s[1], s[2]}, data.spacingMm(),
                data.normalisation(), settings,
                new ModelCard.Provenance(ids, config.tiers(), config.seed()), loop.lastStep, recent);
    }

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
                double value = step(batch, params, lr, prefetcher);
                long t2 = System.nanoTime();
                waitNanos += t1 - t0;
                totalNanos += t2 - t0;
                losses.add(value);
                lastStep = step;
                log.append(step, value, lr, (t1 - t0) * 1e-6, (t2 - t0) * 1e-6);
                boolean last = step == config.steps();
                if (last || (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0)) {
                    Checkpoint.write(modelDir, step, net, updater);
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

        private double step(ViewBatch batch, List<Parameter> params, double lr, BatchPrefetcher prefetcher) {
            int n = batch.n();
            int[] s = batch.shape();
            BatchLabels labels = new BatchLabels(batch.y(), config.qualityWeighted() ? batch.weights() : null);
            try (NDManager stepManager = root.newSubManager()) {
                NDArray x = stepManager.create(inputBuffer(batch.voxels()), new Shape(2L * n, 1, s[2], s[1], s[0]),
                        DataType.FLOAT32);
                prefetcher.recycle(batch);
                NDArray value;
                try (GradientCollector gc = engine.newGradientCollector()) {
                    NDArray z = net.project(x, true);
                    value = loss.loss(z.get(new NDIndex("0:{}", n)), z.get(new NDIndex("{}:", n)), labels);
                    gc.backward(value);
                }
                updater.step(params, lr);
                return value.getFloat();
            }
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
