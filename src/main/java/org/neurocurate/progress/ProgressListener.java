package org.neurocurate.progress;

/**
 * How the core reports long work. The core never prints: it calls a listener, and each face maps it
 * to its own display (SciJava StatusService, {@code IJ.showProgress}, or a terminal line).
 *
 * <p>Implementations must be thread-safe: batch stages call them from worker threads.
 */
public interface ProgressListener {

    /** A listener that ignores everything and never cancels. */
    ProgressListener NONE = new ProgressListener() { };

    /** A short human-readable note on what is happening now. */
    default void status(String message) { }

    /** {@code done} of {@code total} units of the current stage are finished. */
    default void progress(long done, long total) { }

    /** Something the user should see but that does not stop the work (a skipped file, a fallback). */
    default void warn(String message) { }

    /** True once the user asked to stop; long loops check it between units of work. */
    default boolean isCancelled() { return false; }
}
