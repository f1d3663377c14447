package org.neurocurate.cli;

import java.io.PrintStream;

import org.neurocurate.progress.ProgressListener;

/** Progress on the terminal: status lines and a percentage that rewrites itself, on stderr. */
final class TerminalProgress implements ProgressListener {

    private final PrintStream err;
    private volatile int lastPercent = -1;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    static TerminalProgress stderr() {
        return new TerminalProgress(System.err);
    }

    @Override
    public synchronized void status(String message) {
        lastPercent = -1;
        err.println("… " + message);
    }

    @Override
    public synchronized void progress(long done, long total) {
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        if (percent != lastPercent) {
            lastPercent = percent;
            err.print("\r  " + done + "/" + total + " (" + percent + "%)" + (done >= total ? "\n" : ""));
            err.flush();
        }
    }

    @Override
    public synchronized void warn(String message) {
        err.println("warning: " + message);
    }
}
