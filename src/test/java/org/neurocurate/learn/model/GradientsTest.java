package org.neurocurate.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class GradientsTest {

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = DjlEnvironment.engine(1, 1);
    }

    /** Backward of {@code scale} × the sum of the projections of a small fixed batch. */
    private static void backward(EncoderNetwork net, NDManager m, float scale) {
        engine.setRandomSeed(3);
        NDArray x = m.randomNormal(new Shape(2, 1, 16, 16, 16));
        try (GradientCollector gc = engine.newGradientCollector()) {
            gc.backward(net.project(x, true).sum().mul(scale));
        }
    }

    private static float[] firstGradient(List<Parameter> params) {
        try (NDArray g = params.get(0).getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    void nonFiniteGradientsAreSeenAndZeroingClearsThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = Encoders.build(new EncoderConfig(Architecture.RESNET3D, 16, new int[] {1, 1, 1, 1}, 1,
                    16, 8), m);
            net.initialize(m, new long[] {16, 16, 16});
            net.attachGradients();
            List<Parameter> params = net.trainableParameters();

            backward(net, m, 1f);
            assertTrue(Gradients.finite(params));
            float[] clean = firstGradient(params);
            Gradients.zero(params);

            backward(net, m, Float.POSITIVE_INFINITY);
            assertFalse(Gradients.finite(params), "infinite gradients");
            Gradients.zero(params);
            backward(net, m, Float.NaN);
            assertFalse(Gradients.finite(params), "NaN gradients");

            Gradients.zero(params);
            assertTrue(Gradients.finite(params), "zeroing clears NaN, which g - g would keep");
            backward(net, m, 1f);
            assertArrayEquals(clean, firstGradient(params), "after zeroing, backward accumulates onto exact zeros");
        }
    }
}
