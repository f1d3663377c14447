package org.neurocurate.io.bids;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small BIDS trees for tests: text files, empty image placeholders and real NIfTI-1 headers. */
final class BidsTree {

    private final Path root;

    BidsTree(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        text("dataset_description.json", "{\"Name\": \"test dataset\", \"BIDSVersion\": \"1.9.0\"}");
    }

    Path root() {
        return root;
    }

    /** Writes UTF-8 text at a path relative to the root, creating folders. */
    Path text(String rel, String content) throws IOException {
        return bytes(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    Path text(String rel, String content, Charset cs) throws IOException {
        return bytes(rel, content.getBytes(cs));
    }

    Path bytes(String rel, byte[] content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    /** A 0-byte image placeholder (as in the shared metadata snapshots). */
    Path empty(String rel) throws IOException {
        return bytes(rel, new byte[0]);
    }

    /** A NIfTI-1 file holding only a header (348 bytes + 4-byte extension flag) with dim = {@code dim}. */
    Path nifti(String rel, short... dim) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        for (int i = 0; i < dim.length; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        if (rel.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(b.array());
            }
            return p;
        }
        return Files.write(p, b.array());
    }

    /** A tab-separated text from rows of cells, lines joined by {@code eol}. */
    static String tsv(String eol, String[]... rows) {
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(String.join("\t", r)).append(eol);
        }
        return sb.toString();
    }
}
