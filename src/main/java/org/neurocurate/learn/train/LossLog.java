package org.neurocurate.learn.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurocurate.learn.AtomicFiles;

/**
 * {@code DIR/loss.tsv}: one row per step, columns {@code step loss lr data_wait_ms step_ms}.
 * Appended and flushed every step; on resume the rows after the checkpoint's step are dropped
 * (atomically) so the log matches the weights.
 */
public final class LossLog implements AutoCloseable {

    public static final String FILE = "loss.tsv";
    public static final String HEADER = "step\tloss\tlr\tdata_wait_ms\tstep_ms";

    private final BufferedWriter out;

    /** Opens the log of {@code dir}, keeping rows up to {@code keepUpTo} (0 = start afresh). */
    public LossLog(Path dir, long keepUpTo) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        if (keepUpTo > 0 && Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (!line.startsWith("step") && f.length > 1 && Long.parseLong(f[0]) <= keepUpTo) {
                    kept.add(line);
                }
            }
        }
        AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    public void append(long step, double loss, double lr, double waitMs, double stepMs) throws IOException {
        out.write(String.format(Locale.ROOT, "%d\t%.6f\t%.6g\t%.2f\t%.2f%n", step, loss, lr, waitMs, stepMs));
        out.flush();
    }

    /** The losses of a log file, in step order. */
    public static double[] readLosses(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("step") && !l.isBlank())
                .mapToDouble(l -> Double.parseDouble(l.split("\t")[1])).toArray();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
