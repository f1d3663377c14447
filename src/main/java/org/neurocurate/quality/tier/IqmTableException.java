package org.neurocurate.quality.tier;

import java.io.IOException;
import java.nio.file.Path;

/** An IQM table, a ratings table or a tier model file that cannot be read; names the file and the problem. */
public final class IqmTableException extends IOException {
    private static final long serialVersionUID = 1L;

    public IqmTableException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
