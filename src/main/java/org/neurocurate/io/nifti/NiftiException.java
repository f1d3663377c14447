package org.neurocurate.io.nifti;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A NIfTI file could not be read or written. The message always starts with the file and says what
 * is wrong with it, e.g. {@code "scan.nii.gz: truncated: needs 8650752 bytes of voxel data, got 4096"}.
 */
public final class NiftiException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public NiftiException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public NiftiException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }
}
