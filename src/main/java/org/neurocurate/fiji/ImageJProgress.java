package org.neurocurate.fiji;

import ij.IJ;

import org.neurocurate.progress.ProgressListener;

/**
 * Maps core progress to ImageJ's status bar and progress bar (stdout when headless), and cancels when
 * the user presses Esc ({@link IJ#escapePressed()}).
 */
final class ImageJProgress implements ProgressListener {

    @Override
    public void status(String message) {
        IJ.showStatus(message);
    }

    @Override
    public void progress(long done, long total) {
        IJ.showProgress(total <= 0 ? 1 : (double) done / total);
    }

    @Override
    public void warn(String message) {
        IJ.log("NeuroCurate warning: " + message);
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }
}
