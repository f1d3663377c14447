package org.neurocurate.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.engine.Engine;

/**
 * The one place where DJL's PyTorch engine is configured and started. Every entry point (CLI,
 * SciJava command, ImageJ 1 entry, tests, benchmarks) calls {@link #engine(int, int)} before it
 * touches any DJL class that creates arrays.
 *
 * <p>PyTorch reads {@code ai.djl.pytorch.num_threads} and {@code num_interop_threads} once when
 * the engine starts, so they are set here, before the first {@link Engine#getInstance()}.
 * {@code ai.djl.offline=true} stops any download (natives are bundled in pytorch-native-cpu) and
 * DJL's telemetry probe. The engine cache directory (where the bundled natives are extracted once)
 * must be writable; when the user has not chosen one, {@code ~/.djl.ai} is used, or the temporary
 * directory if the home is read-only. The thread context classloader is set to this class's loader
 * around the first call, because inside Fiji the plugin classloader is not the context one and
 * DJL discovers its engine through {@link java.util.ServiceLoader}.
 */
public final class DjlEnvironment {

    private static Engine engine;
    private static int startedThreads;
    private static int startedInterop;

    private DjlEnvironment() {
    }

    /**
     * Starts (once) and returns the PyTorch engine.
     *
     * @param numThreads intra-op threads (at most the cores given to training; 0 = PyTorch default)
     * @param interopThreads inter-op threads (1 is right for a single training loop)
     * @throws IllegalStateException when the engine cannot start (e.g. natives missing)
     */
    public static synchronized Engine engine(int numThreads, int interopThreads) {
        if (engine != null) {
            return engine;
        }
        System.setProperty("ai.djl.offline", "true");
        if (numThreads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(numThreads));
        }
        if (interopThreads > 0) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(interopThreads));
        }
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", writableCacheDir().toString());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlEnvironment.class.getClassLoader());
        try {
            engine = Engine.getEngine("PyTorch");
        } finally {
            thread.setContextClassLoader(previous);
        }
        startedThreads = numThreads;
        startedInterop = interopThreads;
        return engine;
    }

    /** The engine with this machine's defaults: all cores for intra-op work, one inter-op thread. */
    public static Engine engine() {
        return engine(Runtime.getRuntime().availableProcessors(), 1);
    }

    /** Intra-op thread count the engine was started with (0 = PyTorch default, -1 = not started). */
    public static synchronized int startedThreads() {
        return engine == null ? -1 : startedThreads;
    }

    /** Inter-op thread count the engine was started with (0 = PyTorch default, -1 = not started). */
    public static synchronized int startedInteropThreads() {
        return engine == null ? -1 : startedInterop;
    }

    private static Path writableCacheDir() {
        Path home = Path.of(System.getProperty("user.home", "."), ".djl.ai");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException e) {
            // fall through to the temporary directory: a read-only home must not stop training
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "neurocurate-djl");
    }
}
