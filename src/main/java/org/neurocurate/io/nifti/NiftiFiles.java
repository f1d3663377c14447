package org.neurocurate.io.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** File names and streams of NIfTI images: .nii[.gz] single files and .hdr/.img[.gz] pairs. */
final class NiftiFiles {

    private static final int STREAM_BUFFER = 1 << 17;

    private NiftiFiles() {
    }

    static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    static boolean isPair(Path file) {
        String n = lowerName(file);
        return n.endsWith(".hdr") || n.endsWith(".hdr.gz") || n.endsWith(".img") || n.endsWith(".img.gz");
    }

    /** For a pair, the .hdr file; otherwise the file itself. */
    static Path headerFile(Path file) {
        return sibling(file, ".img", ".hdr");
    }

    /** For a pair, the .img file; otherwise the file itself. */
    static Path dataFile(Path file) {
        return sibling(file, ".hdr", ".img");
    }

    private static Path sibling(Path file, String from, String to) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String stem = gz ? name.substring(0, name.length() - 3) : name;
        if (!stem.toLowerCase(Locale.ROOT).endsWith(from)) {
            return file;
        }
        String ext = Character.isUpperCase(stem.charAt(stem.length() - 1)) ? to.toUpperCase(Locale.ROOT) : to;
        String base = stem.substring(0, stem.length() - from.length()) + ext;
        Path plain = file.resolveSibling(base);
        Path zipped = file.resolveSibling(base + ".gz");
        if (gz && Files.exists(zipped)) {
            return zipped;
        }
        return Files.exists(plain) || !Files.exists(zipped) ? plain : zipped;
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Opens a file for reading, decompressing gzip by content (not by name). A name ending in .gz
     * whose content is not gzip is refused.
     */
    static InputStream open(Path file) throws IOException {
        try {
            boolean gzip = isGzip(file);
            if (!gzip && lowerName(file).endsWith(".gz")) {
                throw new NiftiException(file, "named .gz but not gzip-compressed (no 1f 8b magic)");
            }
            InputStream raw = Files.newInputStream(file);
            return gzip ? new GZIPInputStream(raw, STREAM_BUFFER) : new BufferedInputStream(raw, STREAM_BUFFER);
        } catch (NoSuchFileException e) {
            throw NiftiReader.missing(file, e);
        } catch (AccessDeniedException e) {
            throw NiftiReader.denied(file, e);
        }
    }

    /** Maps a low-level I/O failure to a NIfTI error naming the file. */
    static NiftiException failure(Path file, IOException e) {
        if (e instanceof NiftiException n) {
            return n;
        }
        if (e instanceof NoSuchFileException nsf) {
            return NiftiReader.missing(file, nsf);
        }
        if (e instanceof AccessDeniedException ade) {
            return NiftiReader.denied(file, ade);
        }
        if (e instanceof ZipException || e instanceof java.io.EOFException) {
            String detail = e.getMessage() == null ? "unexpected end of data" : e.getMessage();
            return new NiftiException(file, "corrupt or truncated gzip data (" + detail + ")", e);
        }
        return new NiftiException(file, "cannot read: " + e, e);
    }
}
