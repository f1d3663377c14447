package org.neurocurate.learn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.learn.DjlEnvironment;
import org.neurocurate.learn.GeneratedCohort;
import org.neurocurate.learn.data.InMemoryDataset;
import org.neurocurate.learn.loss.BatchLabels;
import org.neurocurate.learn.loss.ContrastiveLoss;
import org.neurocurate.learn.model.Architecture;
import org.neurocurate.learn.model.EncoderConfig;
import org.neurocurate.learn.model.ModelStore;
import org.neurocurate.progress.ProgressListener;

public class PretrainerTest {

    public static final EncoderConfig TINY = new EncoderConfig(Architecture.RESNET3D, 4, new int[] {1, 1, 1, 1}, 1, 16, 8);

    private static InMemoryDataset cohort;

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
        cohort = GeneratedCohort.make(12, 16, 7);
    }

    public static PretrainConfig tinyConfig(long steps, long checkpointEvery) {
        return PretrainConfig.defaults().withModel(TINY, 4, true).withSteps(steps, checkpointEvery)
                .withOptimizer(OptimizerKind.ADAMW, 3e-3, 1e-4, 2, 11).withThreads(1, 1, 1, 2);
    }

    @Test
    void resumingAfterAKillGivesTheWeightsOfAnUninterruptedRun(@TempDir Path tmp) throws IOException {
        PretrainConfig config = tinyConfig(6, 2);
        Path straight = tmp.resolve("straight");
        Path killed = tmp.resolve("killed");
        PretrainResult reference = Pretrainer.run(config, cohort, straight, ProgressListener.NONE);

        ProgressListener killAfterStep5 = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                if (done == 5) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> Pretrainer.run(config, cohort, killed, killAfterStep5));
        assertTrue(Files.exists(killed.resolve(Checkpoint.FILE)), "the step-4 checkpoint survives the kill");
        assertTrue(Files.notExists(killed.resolve(ModelStore.PARAMS)), "no final model after a kill");

        PretrainResult resumed = Pretrainer.run(config, cohort, killed, ProgressListener.NONE);
        assertEquals(4, resumed.resumedFrom());
        assertEquals(6, resumed.stepsDone());
        assertArrayEquals(Files.readAllBytes(straight.resolve(ModelStore.PARAMS)),
                Files.readAllBytes(killed.resolve(ModelStore.PARAMS)), "final weights must be bit-identical");
        double[] straightLog = LossLog.readLosses(straight);
        double[] resumedLog = LossLog.readLosses(killed);
        assertEquals(6, resumedLog.length, "the log keeps steps 1-4 and the resumed 5-6, without the lost step 5");
        assertArrayEquals(straightLog, resumedLog, 0.0);
        assertEquals(reference.losses()[5], resumed.losses()[1], 0.0);
    }

    @Test
    void cancellingWritesACheckpointAndStops(@TempDir Path tmp) throws IOException {
        ProgressListener cancelAfter2 = new ProgressListener() {
            private volatile long done;

            @Override
            public void progress(long d, long total) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done >= 2;
            }
        };
        PretrainResult r = Pretrainer.run(tinyConfig(5, 0), cohort, tmp, cancelAfter2);
        assertTrue(r.cancelled());
        assertEquals(2, r.stepsDone());
        assertTrue(Files.exists(tmp.resolve(Checkpoint.FILE)));
    }

    @Test
    void contrastiveLossFallsOnAGeneratedCohort(@TempDir Path tmp) throws IOException {
        PretrainConfig config = tinyConfig(40, 0).withObjective("simclr", 0.5, 0, false);
        PretrainResult r = Pretrainer.run(config, cohort, tmp, ProgressListener.NONE);
        double first = mean(r.losses(), 0, 8);
        double last = mean(r.losses(), 32, 40);
        // batch-to-batch noise of 8-step means is ~0.05 here; a real fall is several times that
        assertTrue(last < first - 0.1, "loss should fall: first 8 steps " + first + ", last 8 " + last);
        assertTrue(Files.exists(tmp.resolve(ModelStore.CARD)));
        assertEquals(40, ModelStore.readCard(tmp).stepsDone());
        String svg = Files.readString(tmp.resolve(LossCurve.FILE));
        assertTrue(svg.startsWith("<svg") && svg.contains("over 40 steps"), "loss curve written");
    }

    /** The configured loss, with NaN gradients (and an unchanged value) on the calls {@code poisoned} accepts. */
    private static ContrastiveLoss poisonedOn(PretrainConfig config, java.util.function.IntPredicate poisoned) {
        ContrastiveLoss plain = config.loss();
        int[] calls = {0};
        return new ContrastiveLoss() {
            @Override
            public String key() {
                return plain.key();
            }

            @Override
            public double temperature() {
                return plain.temperature();
            }

            @Override
            public double[][] targets(int n, BatchLabels labels) {
                return plain.targets(n, labels);
            }

            @Override
            public NDArray loss(NDArray z1, NDArray z2, BatchLabels labels) {
                NDArray value = plain.loss(z1, z2, labels);
                if (!poisoned.test(++calls[0])) {
                    return value;
                }
                // sqrt'(0) is infinite and (z1 - z1)' cancels it to inf - inf: the value stays, every gradient is NaN
                return value.add(z1.sub(z1).sqrt().sum());
            }
        };
    }

    private static ProgressListener recording(List<String> statuses) {
        return new ProgressListener() {
            @Override
            public void status(String message) {
                statuses.add(message);
            }
        };
    }

    @Test
    void aStepWithNonFiniteGradientsIsRecomputedAndMatchesAnUndisturbedRun(@TempDir Path tmp) throws IOException {
        PretrainConfig config = tinyConfig(5, 0);
        PretrainResult reference = Pretrainer.run(config, config.loss(), cohort, tmp.resolve("plain"),
                ProgressListener.NONE);
        List<String> statuses = new ArrayList<>();
        // call 3 is step 3's first pass; its second pass (call 4) is clean
        PretrainResult recovered = Pretrainer.run(config, poisonedOn(config, call -> call == 3), cohort,
                tmp.resolve("recovered"), recording(statuses));
        assertArrayEquals(reference.losses(), recovered.losses(), 0.0,
                "a recomputed step updates exactly as an undisturbed one, so every later loss is the same");
        assertEquals(List.of("step 3: gradients not finite (loss " + (float) reference.losses()[2]
                + ") on pass 1; recomputed, pass 2 finite"), statuses);
    }

    @Test
    void aStepThatStaysNonFiniteIsSkippedWithoutAnUpdate(@TempDir Path tmp) throws IOException {
        PretrainConfig config = tinyConfig(2, 0);
        List<String> statuses = new ArrayList<>();
        // step 2 is calls 2-4, all poisoned
        PretrainResult r = Pretrainer.run(config, poisonedOn(config, call -> call >= 2), cohort, tmp.resolve("skip"),
                recording(statuses));
        assertEquals(2, r.stepsDone());
        assertTrue(Double.isFinite(r.losses()[0]) && Double.isNaN(r.losses()[1]), Arrays.toString(r.losses()));
        assertEquals(1, statuses.size(), statuses.toString());
        assertTrue(statuses.get(0).startsWith("step 2: gradients not finite (loss ")
                && statuses.get(0).endsWith(") on all 3 passes; step skipped, no update"), statuses.get(0));
        assertTrue(Double.isNaN(LossLog.readLosses(tmp.resolve("skip"))[1]), "loss.tsv records the skipped step as NaN");
        assertEquals(r.losses()[0], ModelStore.readCard(tmp.resolve("skip")).finalLoss(), 0.0,
                "the model card averages the finite losses");

        Pretrainer.run(tinyConfig(1, 0), cohort, tmp.resolve("one"), ProgressListener.NONE);
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> skipped = ModelStore.load(tmp.resolve("skip"), m).network().trainableParameters();
            List<Parameter> one = ModelStore.load(tmp.resolve("one"), m).network().trainableParameters();
            assertEquals(one.size(), skipped.size());
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i).getArray().toFloatArray(), skipped.get(i).getArray().toFloatArray(),
                        "the skipped step left " + one.get(i).getName() + " as step 1 did");
            }
        }
    }

    @Test
    void tenSkippedStepsInARowStopTheRunAsDiverged(@TempDir Path tmp) {
        PretrainConfig config = tinyConfig(30, 0);
        ContrastiveLoss alwaysPoisonedFromStep2 = poisonedOn(config, call -> call >= 2);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Pretrainer.run(config, alwaysPoisonedFromStep2, cohort, tmp, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(
                "training diverged: the loss or gradients were not finite for 10 steps in a row (to step 11"),
                e.getMessage());
        assertTrue(Files.notExists(tmp.resolve(ModelStore.PARAMS)), "no final model from a diverged run");
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
