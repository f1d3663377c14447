package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.neurocurate.learn.data.PreprocessSettings;
import org.neurocurate.learn.model.Architecture;
import org.neurocurate.learn.model.EncoderConfig;
import org.neurocurate.learn.train.OptimizerKind;
import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.ScanPretraining;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurocurate pretrain --scans TSV --out MODEL_DIR [options]}: contrastive pretraining of a 3D
 * encoder. Unset options keep the core defaults ({@link PretrainConfig#defaults()},
 * {@link PreprocessSettings#defaults()}); rerunning into a folder with a checkpoint resumes.
 */
@Command(name = "pretrain", description = "Contrastive pretraining (SimCLR / y-Aware InfoNCE) of a 3D CNN encoder.")
final class PretrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scans", required = true, paramLabel = "TSV",
            description = "scans table: path column, optional tier and age columns")
    Path scans;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "model folder (encoder.params, model.json, loss.tsv, checkpoint.bin); resumes if a checkpoint is there")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "preprocessing cache (default: MODEL_DIR/../cache)")
    Path cache;

    @Option(names = "--tiers", split = ",", paramLabel = "T", description = "use only scans of these tiers, e.g. 1,2")
    List<Integer> tiers = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "simclr|yaware", description = "loss (default yaware)")
    String objective;

    @Option(names = "--temperature", description = "τ of the loss (default 0.1)")
    Double temperature;

    @Option(names = "--sigma", description = "σ of y-Aware's age kernel, years (default 5)")
    Double sigma;

    @Option(names = "--quality-weighted", description = "weight each scan's anchors by its tier")
    boolean qualityWeighted;

    @Option(names = "--tier-stratified", description = "draw each batch evenly across the tiers present")
    boolean tierStratified;

    @Option(names = "--arch", paramLabel = "resnet3d|densenet3d", description = "encoder (default resnet3d)")
    String arch;

    @Option(names = "--steps", description = "optimiser steps (default 1000)")
    Long steps;

    @Option(names = "--batch", description = "scans per batch (default 8)")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "adam|adamw|sgd", description = "optimiser (default adamw)")
    String optimizer;

    @Option(names = "--lr", description = "peak learning rate (default 1e-3)")
    Double lr;

    @Option(names = "--weight-decay", description = "weight decay (default 1e-4)")
    Double weightDecay;

    @Option(names = "--warmup", description = "warm-up steps (default 100)")
    Long warmup;

    @Option(names = "--checkpoint-every", description = "checkpoint interval in steps (default 100)")
    Long checkpointEvery;

    @Option(names = "--seed", description = "seed (default 42)")
    Long seed;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: all cores but one)")
    Integer threads;

    @Option(names = "--grid", split = ",", paramLabel = "X,Y,Z", description = "training grid (default 80,96,80)")
    int[] grid;

    @Option(names = "--spacing", description = "grid spacing in mm (default 2)")
    Double spacing;

    @Option(names = "--no-augment", description = "train without augmentations (testing only)")
    boolean noAugment;

    @Override
    public Integer call() throws Exception {
        PretrainConfig d = PretrainConfig.defaults();
        EncoderConfig encoder = arch == null || Architecture.fromKey(arch) == Architecture.RESNET3D
                ? d.encoder() : EncoderConfig.densenet121();
        PretrainConfig c = d.withModel(encoder, batch == null ? d.batchSize() : batch, !noAugment)
                .withObjective(objective == null ? d.objective() : objective,
                        temperature == null ? d.temperature() : temperature, sigma == null ? d.sigma() : sigma,
                        qualityWeighted)
                .withOptimizer(optimizer == null ? d.optimizer() : OptimizerKind.fromKey(optimizer),
                        lr == null ? d.learningRate() : lr, weightDecay == null ? d.weightDecay() : weightDecay,
                        warmup == null ? d.warmupSteps() : warmup, seed == null ? d.seed() : seed)
                .withSteps(steps == null ? d.steps() : steps,
                        checkpointEvery == null ? d.checkpointEvery() : checkpointEvery)
                .withThreads(threads == null ? d.threads() : threads, d.interopThreads(), d.augmentWorkers(),
                        d.prefetchDepth())
                .withTiers(tiers)
                .withTierStratified(tierStratified);
        PreprocessSettings p = PreprocessSettings.defaults();
        PreprocessSettings pre = new PreprocessSettings(grid == null ? p.grid() : grid,
                spacing == null ? p.spacingMm() : spacing, p.lowPercentile(), p.highPercentile());
        Path cacheDir = cache != null ? cache : out.toAbsolutePath().getParent().resolve("cache");
        PrintWriter err = spec.commandLine().getErr();
        ScanPretraining.Outcome o = ScanPretraining.run(
                new ScanPretraining.Request(scans, out, cacheDir, pre, c), new TerminalProgress(err));
        PrintWriter w = spec.commandLine().getOut();
        double[] losses = o.result().losses();
        w.printf(Locale.ROOT, "scans used: %d, skipped: %d%n", o.scansUsed(), o.failures().size());
        w.printf(Locale.ROOT, "steps: %d (resumed from %d)%s%n", o.result().stepsDone(), o.result().resumedFrom(),
                o.result().cancelled() ? ", cancelled" : "");
        if (losses.length > 0) {
            w.printf(Locale.ROOT, "loss: first %.4f, last %.4f%n", losses[0], losses[losses.length - 1]);
        }
        w.printf(Locale.ROOT, "samples/s: %.2f, data wait share: %.3f%n", o.result().samplesPerSecond(),
                o.result().dataWaitShare());
        w.println("model: " + out);
        w.flush();
        return 0;
    }
}
