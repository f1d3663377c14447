package org.neurocurate.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurocurate.learn.DjlEnvironment;

class EncoderNetworkTest {

    @BeforeAll
    static void start() {
        DjlEnvironment.engine(1, 1);
    }

    @Test
    void channelsLastViewHoldsTheSameVoxelsInTheSameShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5).toType(DataType.FLOAT32, false)
                    .reshape(2, 1, 3, 4, 5);
            NDArray view = EncoderNetwork.channelsLast(x);
            assertEquals(x.getShape(), view.getShape());
            assertArrayEquals(x.toFloatArray(), view.toFloatArray(), 0f);
            assertEquals(x.get("1, 0, 2, 3, 4").getFloat(), view.get("1, 0, 2, 3, 4").getFloat(), 0f);
        }
    }

    @Test
    void multiChannelBatchesAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EncoderNetwork.channelsLast(m.zeros(new Shape(2, 3, 4, 4, 4))));
            assertTrue(e.getMessage().contains("(2, 3, 4, 4, 4)"), e.getMessage());
        }
    }
}
