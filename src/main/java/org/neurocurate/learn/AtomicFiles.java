package org.neurocurate.learn;

import org.neurocurate.io.AtomicOutput;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a file under a temporary name in the same directory and renames it over the target, so a
 * reader (or a resumed run after a kill) sees either the old complete file or the new complete one.
 */
public final class AtomicFiles {

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically through {@code writer}. */
    public static void write(Path target, Writer writer) throws IOException {
        AtomicOutput.write(target, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            writer.write(out);
            out.flush();
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
