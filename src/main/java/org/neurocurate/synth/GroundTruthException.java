package org.neurocurate.synth;

import java.io.IOException;
import java.nio.file.Path;

/** A ground-truth table that cannot be read: names the file, the line and the reason. */
public final class GroundTruthException extends IOException {

    private static final long serialVersionUID = 1L;

    GroundTruthException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
