package org.neurocurate.learn.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neurocurate.learn.loss.ContrastiveLoss;
import org.neurocurate.learn.loss.NtXentLoss;
import org.neurocurate.learn.loss.YAwareInfoNceLoss;
import org.neurocurate.learn.model.EncoderConfig;

/**
 * Everything a pretraining run depends on, with the defaults in one place ({@link #defaults()}).
 * The CLI, the SciJava command and the ImageJ 1 entry all start from these defaults.
 *
 * @param encoder network shape
 * @param objective {@code simclr} or {@code yaware}
 * @param temperature τ of the loss
 * @param sigma σ of y-Aware's RBF kernel (years)
 * @param qualityWeighted weight each scan's anchors by its quality weight
 * @param optimizer optimiser kind
 * @param learningRate peak learning rate
 * @param weightDecay weight decay (L2 for Adam/SGD, decoupled for AdamW)
 * @param warmupSteps linear warm-up steps
 * @param steps total optimiser steps
 * @param batchSize scans per batch (N; the network sees 2N views)
 * @param checkpointEvery write a checkpoint every this many steps (0 = only at the end)
 * @param seed seed of initialisation, sampling and augmentation
 * @param augment apply the default augmentations (false: both views are the scan, for tests)
 * @param threads PyTorch intra-op threads
 * @param interopThreads PyTorch inter-op threads
 * @param augmentWorkers threads augmenting a batch (besides the prefetch thread's own)
 * @param prefetchDepth batches made ahead of the trainer
 * @param tiers quality tiers the scans were selected from (provenance only; empty = all)
 * @param tierStratified draw each batch evenly across the tiers present (else uniformly)
 */
public record PretrainConfig(EncoderConfig encoder, String objective, double temperature, double sigma,
        boolean qualityWeighted, OptimizerKind optimizer, double learningRate, double weightDecay,
        long warmupSteps, long steps, int batchSize, long checkpointEvery, long seed, boolean augment,
        int threads, int interopThreads, int augmentWorkers, int prefetchDepth, List<Integer> tiers,
        boolean tierStratified) {

    public PretrainConfig {
        tiers = List.copyOf(tiers);
        if (steps < 1 || batchSize < 2 || checkpointEvery < 0 || warmupSteps < 0 || prefetchDepth < 1
                || augmentWorkers < 1) {
            throw new IllegalArgumentException("need steps >= 1, batch >= 2, checkpoint_every >= 0, warmup >= 0");
        }
        loss(objective, temperature, sigma);
    }

    /**
     * Defaults: ResNet, y-Aware (τ 0.1, σ 5 years as in Dufumier et al.), AdamW lr 1e-3 wd 1e-4,
     * 1000 steps with 100 warm-up, batch 8, checkpoint every 100, seed 42, augmentation on, all
     * cores but one for PyTorch (the augmentation thread gets its own core: on 2 cores, 2 PyTorch
     * threads plus augmentation gave 25 samples/s with erratic steps, 1 thread a steady 27), one
     * inter-op thread, one augmentation worker, 1 batch ahead (enough while making a batch takes less
     * than a step; each batch ahead costs 2N grids of memory).
     */
    public static PretrainConfig defaults() {
        return new PretrainConfig(EncoderConfig.resnet(), "yaware", 0.1, 5.0, false, OptimizerKind.ADAMW, 1e-3,
                1e-4, 100, 1000, 8, 100, 42, true, Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 1, 1, 1,
                List.of(), false);
    }

    /** The loss this configuration trains with. */
    public ContrastiveLoss loss() {
        return loss(objective, temperature, sigma);
    }

    private static ContrastiveLoss loss(String objective, double temperature, double sigma) {
        return switch (objective.toLowerCase(java.util.Locale.ROOT)) {
            case "simclr" -> new NtXentLoss(temperature);
            case "yaware" -> new YAwareInfoNceLoss(temperature, sigma);
            default -> throw new IllegalArgumentException("unknown objective '" + objective + "' (simclr or yaware)");
        };
    }

    /** The settings as strings for model.json. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("objective", objective);
        m.put("temperature", Double.toString(temperature));
        m.put("sigma", Double.toString(sigma));
        m.put("quality_weighted", Boolean.toString(qualityWeighted));
        m.put("optimizer", optimizer.key());
        m.put("learning_rate", Double.toString(learningRate));
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("warmup_steps", Long.toString(warmupSteps));
        m.put("steps", Long.toString(steps));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("augment", Boolean.toString(augment));
        m.put("seed", Long.toString(seed));
        m.put("tier_stratified", Boolean.toString(tierStratified));
        return m;
    }

    /** A copy with other steps and checkpoint interval. */
    public PretrainConfig withSteps(long newSteps, long newCheckpointEvery) {
        return new PretrainConfig(encoder, objective, temperature, sigma, qualityWeighted, optimizer, learningRate,
                weightDecay, Math.min(warmupSteps, newSteps), newSteps, batchSize, newCheckpointEvery, seed, augment,
                threads, interopThreads, augmentWorkers, prefetchDepth, tiers, tierStratified);
    }

    /** A copy with another encoder, batch size and augmentation switch. */
    public PretrainConfig withModel(EncoderConfig newEncoder, int newBatchSize, boolean newAugment) {
        return new PretrainConfig(newEncoder, objective, temperature, sigma, qualityWeighted, optimizer,
                learningRate, weightDecay, warmupSteps, steps, newBatchSize, checkpointEvery, seed, newAugment,
                threads, interopThreads, augmentWorkers, prefetchDepth, tiers, tierStratified);
    }

    /** A copy with another objective and its parameters. */
    public PretrainConfig withObjective(String newObjective, double newTemperature, double newSigma,
            boolean newQualityWeighted) {
        return new PretrainConfig(encoder, newObjective, newTemperature, newSigma, newQualityWeighted, optimizer,
                learningRate, weightDecay, warmupSteps, steps, batchSize, checkpointEvery, seed, augment, threads,
                interopThreads, augmentWorkers, prefetchDepth, tiers, tierStratified);
    }

    /** A copy with another optimiser setting and seed. */
    public PretrainConfig withOptimizer(OptimizerKind newOptimizer, double newLearningRate, double newWeightDecay,
            long newWarmupSteps, long newSeed) {
        return new PretrainConfig(encoder, objective, temperature, sigma, qualityWeighted, newOptimizer,
                newLearningRate, newWeightDecay, newWarmupSteps, steps, batchSize, checkpointEvery, newSeed, augment,
                threads, interopThreads, augmentWorkers, prefetchDepth, tiers, tierStratified);
    }

    /** A copy with other thread counts and prefetch depth. */
    public PretrainConfig withThreads(int newThreads, int newInterop, int newAugmentWorkers, int newPrefetchDepth) {
        return new PretrainConfig(encoder, objective, temperature, sigma, qualityWeighted, optimizer, learningRate,
                weightDecay, warmupSteps, steps, batchSize, checkpointEvery, seed, augment, newThreads, newInterop,
                newAugmentWorkers, newPrefetchDepth, tiers, tierStratified);
    }

    /** A copy with tier-stratified (true) or uniform batch sampling. */
    public PretrainConfig withTierStratified(boolean stratified) {
        return new PretrainConfig(encoder, objective, temperature, sigma, qualityWeighted, optimizer, learningRate,
                weightDecay, warmupSteps, steps, batchSize, checkpointEvery, seed, augment, threads, interopThreads,
                augmentWorkers, prefetchDepth, tiers, stratified);
    }

    /** A copy recording the tiers the scans were selected from. */
    public PretrainConfig withTiers(List<Integer> newTiers) {
        return new PretrainConfig(encoder, objective, temperature, sigma, qualityWeighted, optimizer, learningRate,
                weightDecay, warmupSteps, steps, batchSize, checkpointEvery, seed, augment, threads, interopThreads,
                augmentWorkers, prefetchDepth, newTiers, tierStratified);
    }
}
