package org.neurocurate.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DjlEnvironmentTest {

    @Test
    void engineStartsOnceOfflineWithTheRequestedThreads() {
        ai.djl.engine.Engine e = DjlEnvironment.engine(1, 1);
        assertEquals("PyTorch", e.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("1", System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals(1, DjlEnvironment.startedThreads(), "every test in this JVM starts the engine with 1 thread");
        assertSame(e, DjlEnvironment.engine(2, 2), "thread counts are read once; later calls get the same engine");
    }
}
