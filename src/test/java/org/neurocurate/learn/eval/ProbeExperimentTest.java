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

/**
 * The stage's learning-quality check on a generated cohort whose age is visible in the images
 * (ventricle size): a ridge probe for age on the encoder's embeddings, 5-fold cross-validated, for
 * the untrained encoder (same initial weights), after SimCLR and after y-Aware InfoNCE.
 */
class ProbeExperimentTest {

    private static final int STEPS = 150;
    private static final long SEED = 11;

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
    }

    @Test
    void yAwarePretrainingBeatsSimClrAndTheUntrainedEncoderOnAnAgeProbe(@TempDir Path tmp) throws IOException {
        InMemoryDataset cohort = GeneratedCohort.make(64, 16, 21);
        double untrained = untrainedMae(cohort);
        double simclr = trainedMae(cohort, tmp.resolve("simclr"), "simclr");
        double yaware = trainedMae(cohort, tmp.resolve("yaware"), "yaware");
        System.out.printf(Locale.ROOT, "age probe 5-fold MAE (years): untrained %.2f, SimCLR %.2f, y-Aware %.2f%n",
                untrained, simclr, yaware);
        // single-threaded PyTorch and seeded sampling make these numbers reproducible, so the
        // comparisons are exact; measured: untrained 17.2, SimCLR 16.0, y-Aware 13.6 years
        assertTrue(yaware < untrained - 1, "y-Aware " + yaware + " vs untrained " + untrained);
        assertTrue(yaware < simclr, "y-Aware " + yaware + " vs SimCLR " + simclr);
    }

    private static PretrainConfig config(String objective) {
        return PretrainerTest.tinyConfig(STEPS, 0).withObjective(objective, 0.1, 10, false)
                .withOptimizer(org.neurocurate.learn.train.OptimizerKind.ADAMW, 3e-3, 1e-4, 5, SEED);
    }

    private static double trainedMae(InMemoryDataset cohort, Path dir, String objective) throws IOException {
        Pretrainer.run(config(objective), cohort, dir, ProgressListener.NONE);
        return probe(Embedder.embed(dir, cohort, 1, ProgressListener.NONE), cohort);
    }

    private static double untrainedMae(InMemoryDataset cohort) {
        Engine engine = DjlEnvironment.engine(1, 1);
        engine.setRandomSeed((int) SEED);
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(config("simclr").encoder(), m);
            net.initialize(m, new long[] {16, 16, 16});
            return probe(Embedder.embed(net, m, cohort, ProgressListener.NONE), cohort);
        }
    }

    private static double probe(double[][] embeddings, InMemoryDataset cohort) {
        return RidgeProbe.crossValidatedMae(embeddings, cohort.ys(), 1.0, 5, 7);
    }
}
