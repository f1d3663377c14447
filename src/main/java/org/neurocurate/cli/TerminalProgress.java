package org.neurocurate.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.neurocurate.progress.ProgressListener;

/**
 * Progress on the terminal, for every subcommand: a line per status, a line per ~5% of progress
 * (whole lines, so logs of batch jobs stay readable), and warnings, on the command's stderr.
 */
final class TerminalProgress implements ProgressListener {

    private final PrintWriter err;
    private long lastPercent = -1;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void status(String message) {
        err.println("… " + message);
        err.flush();
        lastPercent = -1;
    }

    @Override
    public synchronized void progress(long done, long total) {
        long percent = total <= 0 ? 100 : 100 * done / total;
        if (percent / 5 != lastPercent / 5 || done == total) {
            err.printf(Locale.ROOT, "  %d/%d (%d%%)%n", done, total, percent);
            err.flush();
            lastPercent = percent;
        }
    }

    @Override
    public synchronized void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }
}
