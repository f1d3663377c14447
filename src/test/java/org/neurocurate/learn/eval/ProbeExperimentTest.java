package org.neurocurate.learn.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.learn.DjlEnvironment;
import org.neurocurate.learn.GeneratedCohort;
import org.neurocurate.learn.data.InMemoryDataset;
import org.neurocurate.learn.model.EncoderNetwork;
import org.neurocurate.learn.model.Encoders;
import org.neurocurate.learn.train.PretrainConfig;
import org.neurocurate.learn.train.Pretrainer;
import org.neurocurate.learn.train.PretrainerTest;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.tier.RobustStats;

/**
 * The stage's learning-quality check on a generated cohort whose age is visible in the images
 * (ventricle size): a ridge probe for age on the encoder's embeddings, 5-fold cross-validated, for
 * the untrained encoder (same initial weights), after SimCLR and after y-Aware InfoNCE, over several
 * pretraining seeds.
 */
class ProbeExperimentTest {

    private static final int STEPS = 150;
    /** Pretraining seeds (initial weights, sampling and augmentation); the probe's folds stay fixed. */
    private static final long FIRST_SEED = 11;
    private static final int SEEDS = 8;

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
    }

    /**
     * One seed's comparison is reproducible on one machine but not across CPUs (PyTorch picks other
     * kernels): seed 11 measured untrained 17.2, SimCLR 16.0, y-Aware 13.6 years on the machine this
     * test was written on and 17.1, 14.9, 16.1 on an AVX-512 EPYC. So the claim is made on the mean
     * over eight seeds; on the EPYC, seeds 11–18 gave SimCLR 14.1 and y-Aware 13.3 years on average
     * (y-Aware ahead on six of eight) against an untrained median of 14.8 (13.9–17.1; the median because
     * one untrained seed's probe once extrapolated to 700 years, before {@link RidgeProbe} clamped
     * features to their training range).
     */
    @Test
    void yAwarePretrainingBeatsSimClrAndTheUntrainedEncoderOnAnAgeProbe(@TempDir Path tmp) throws IOException {
        InMemoryDataset cohort = GeneratedCohort.make(64, 16, 21);
        double[] untrained = new double[SEEDS];
        double simclr = 0;
        double yaware = 0;
        for (int i = 0; i < SEEDS; i++) {
            long seed = FIRST_SEED + i;
            untrained[i] = untrainedMae(cohort, seed);
            double s = trainedMae(cohort, tmp.resolve("simclr" + seed), "simclr", seed);
            double y = trainedMae(cohort, tmp.resolve("yaware" + seed), "yaware", seed);
            System.out.printf(Locale.ROOT, "seed %d age probe 5-fold MAE (years): untrained %.2f, SimCLR %.2f, y-Aware %.2f%n",
                    seed, untrained[i], s, y);
            simclr += s / SEEDS;
            yaware += y / SEEDS;
        }
        double untrainedMedian = RobustStats.median(untrained);
        assertTrue(yaware < untrainedMedian - 1, "mean y-Aware " + yaware + " vs untrained median " + untrainedMedian);
        assertTrue(yaware < simclr, "mean y-Aware " + yaware + " vs mean SimCLR " + simclr);
    }

    private static PretrainConfig config(String objective, long seed) {
        return PretrainerTest.tinyConfig(STEPS, 0).withObjective(objective, 0.1, 10, false)
                .withOptimizer(org.neurocurate.learn.train.OptimizerKind.ADAMW, 3e-3, 1e-4, 5, seed);
    }

    private static double trainedMae(InMemoryDataset cohort, Path dir, String objective, long seed) throws IOException {
        Pretrainer.run(config(objective, seed), cohort, dir, ProgressListener.NONE);
        return probe(Embedder.embed(dir, cohort, 1, ProgressListener.NONE), cohort);
    }

    private static double untrainedMae(InMemoryDataset cohort, long seed) {
        Engine engine = DjlEnvironment.engine(1, 1);
        engine.setRandomSeed((int) seed);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(config("simclr", seed).encoder(), m);
            net.initialize(m, new long[] {16, 16, 16});
            return probe(Embedder.embed(net, m, cohort, ProgressListener.NONE), cohort);
        }
    }

    private static double probe(double[][] embeddings, InMemoryDataset cohort) {
        return RidgeProbe.crossValidatedMae(embeddings, cohort.ys(), 1.0, 5, 7);
    }
}
