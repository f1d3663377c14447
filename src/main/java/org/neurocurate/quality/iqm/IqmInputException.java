package org.neurocurate.quality.iqm;

import java.io.IOException;
import java.nio.file.Path;

/** An IQM input file is missing, malformed or does not match the image grid; the message names the file and the reason. */
public final class IqmInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public IqmInputException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public IqmInputException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
