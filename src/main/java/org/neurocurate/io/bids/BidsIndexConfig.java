package org.neurocurate.io.bids;

import java.nio.file.Path;
import java.util.List;

/**
 * What to index and how; the one place the defaults live, shared by the command line, the SciJava
 * command and the ImageJ 1 entry.
 *
 * @param datasets        BIDS dataset root folders
 * @param readNiftiHeaders read each non-empty image's header (first 540 bytes) for its volume count
 * @param followSymlinks  follow symbolic links while walking (loops are detected and reported)
 * @param threads         worker threads for per-file work (sidecars, headers), at least 1
 */
public record BidsIndexConfig(List<Path> datasets, boolean readNiftiHeaders, boolean followSymlinks, int threads) {

    /** Default worker threads: the machine's processors, at most 4 (the walk is I/O-bound beyond that). */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public BidsIndexConfig {
        datasets = List.copyOf(datasets);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Headers read, symlinks followed, {@link #DEFAULT_THREADS} threads. */
    public static BidsIndexConfig of(List<Path> datasets) {
        return new BidsIndexConfig(datasets, true, true, DEFAULT_THREADS);
    }
}
