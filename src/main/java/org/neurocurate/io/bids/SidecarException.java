package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.file.Path;

/** A JSON sidecar that cannot be used: unreadable, not JSON, or not a JSON object. The message names the file. */
public final class SidecarException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SidecarException(Path file, String reason, Throwable cause) {
        super(file.getFileName() + ": " + reason, cause);
        this.file = file;
    }

    /** The sidecar file. */
    public Path file() {
        return file;
    }
}
