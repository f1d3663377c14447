package org.neurocurate.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurocurate.learn.DjlEnvironment;
import org.neurocurate.learn.loss.BatchLabels;
import org.neurocurate.learn.loss.NtXentLoss;

class ReleasingSequentialBlockTest {

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
    }

    // Every convolution here has a multiple of 16 output channels: with fewer, oneDNN's input
    // gradient can read NaN from uncleared weight padding (see Gradients), which made this
    // comparison fail now and then (27 of 400 passes of the old DenseNet of growth 4; 0 of 1,200 now).

    @Test
    void releasingIntermediatesLeavesResNetGradientsBitIdentical() {
        EncoderConfig c = new EncoderConfig(Architecture.RESNET3D, 16, new int[] {1, 1, 1, 1}, 1, 16, 8);
        assertEquals(gradients(c, false, 16), gradients(c, true, 16));
    }

    @Test
    void releasingIntermediatesLeavesDenseNetGradientsBitIdentical() {
        EncoderConfig c = new EncoderConfig(Architecture.DENSENET3D, 32, new int[] {2, 2}, 16, 16, 8);
        assertEquals(gradients(c, false, 32), gradients(c, true, 32));
    }

    /** Loss and every gradient element after one forward/backward of a fixed batch. */
    private static List<Float> gradients(EncoderConfig c, boolean release, int size) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(5);
        List<Float> out = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(c, m, release);
            net.initialize(m, new long[] {size, size, size});
            net.attachGradients();
            NDArray x = m.randomNormal(new Shape(4, 1, size, size, size));
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray z = net.project(x, true);
                NDArray loss = new NtXentLoss(0.5).loss(z.get("0:2"), z.get("2:"), BatchLabels.none());
                gc.backward(loss);
                out.add(loss.getFloat());
            }
            for (Parameter p : net.trainableParameters()) {
                try (NDArray g = p.getArray().getGradient()) {
                    for (float f : g.toFloatArray()) {
                        out.add(f);
                    }
                }
            }
        }
        assertTrue(out.stream().anyMatch(f -> f != 0f), "gradients must not all be zero");
        return out;
    }
}
