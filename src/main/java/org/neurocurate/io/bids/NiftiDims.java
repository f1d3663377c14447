package org.neurocurate.io.bids;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The {@code dim} field of a NIfTI-1 or NIfTI-2 header, read without touching the image data: at most
 * the first 540 bytes (decompressed) of a {@code .nii} or {@code .nii.gz} file.
 *
 * <p>Layout (NIfTI-1: nifti1.h; NIfTI-2: nifti2.h): {@code sizeof_hdr} is 348 (NIfTI-1, int32 at 0,
 * {@code dim} eight int16 at byte 40) or 540 (NIfTI-2, {@code dim} eight int64 at byte 16); byte order
 * is whichever makes {@code sizeof_hdr} read correctly. {@code dim[0]} is the number of dimensions,
 * {@code dim[4]} the number of volumes (time points) when {@code dim[0] >= 4}.
 */
public final class NiftiDims {

    private static final int NIFTI1 = 348;
    private static final int NIFTI2 = 540;

    private NiftiDims() { }

    /** Thrown when a file is not a NIfTI header; the message names the file and the reason. */
    public static final class NotNiftiException extends IOException {
        private static final long serialVersionUID = 1L;

        NotNiftiException(Path file, String reason) {
            super(file.getFileName() + ": " + reason);
        }
    }

    /** {@code dim[0..7]} of the header of {@code file}. */
    public static long[] read(Path file) throws IOException {
        byte[] head = new byte[NIFTI2];
        int n;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1024) : raw) {
            n = in.readNBytes(head, 0, NIFTI2);
        }
        if (n < NIFTI1) {
            throw new NotNiftiException(file, "only " + n + " bytes, a NIfTI header needs 348");
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            b.order(order);
            int size = b.getInt(0);
            long[] dim = new long[8];
            if (size == NIFTI1) {
                for (int i = 0; i < 8; i++) {
                    dim[i] = b.getShort(40 + 2 * i);
                }
                return dim;
            }
            if (size == NIFTI2 && n >= NIFTI2) {
                for (int i = 0; i < 8; i++) {
                    dim[i] = b.getLong(16 + 8 * i);
                }
                return dim;
            }
        }
        throw new NotNiftiException(file, "sizeof_hdr is neither 348 nor 540 in either byte order");
    }

    /** Number of volumes: {@code dim[4]} when {@code dim[0] >= 4}, else 1. */
    public static long volumes(long[] dim) {
        return dim[0] >= 4 && dim[4] > 0 ? dim[4] : 1;
    }
}
