package org.neurocurate.learn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The scans table pretraining reads (as written by the BIDS indexer or the QC stage): TSV with a
 * header, a {@code path} column (absolute, or relative to the table's folder), optional {@code tier}
 * (1–5) and {@code age} (years) columns; other columns are ignored. Empty or "n/a" cells are unknown.
 */
public final class ScanTable {

    /** One row: source file, tier (0 = unknown), age (NaN = unknown). */
    public record Row(Path path, int tier, double age) {
    }

    private ScanTable() {
    }

    public static List<Row> read(Path tsv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(tsv + ": scans table not found", e);
        }
        if (lines.isEmpty()) {
            throw new IOException(tsv + ": empty scans table (a header with a 'path' column is needed)");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int path = header.indexOf("path");
        if (path < 0) {
            throw new IOException(tsv + ": no 'path' column in header " + header);
        }
        int tier = header.indexOf("tier");
        int age = header.indexOf("age");
        Path base = tsv.toAbsolutePath().getParent();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            try {
                rows.add(new Row(base.resolve(f[path]), tier < 0 ? 0 : parseTier(cell(f, tier)),
                        age < 0 ? Double.NaN : parseAge(cell(f, age))));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(tsv + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** The rows whose tier is in {@code tiers} (all rows when {@code tiers} is empty). */
    public static List<Row> select(List<Row> rows, Set<Integer> tiers) {
        if (tiers.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(r -> tiers.contains(r.tier())).toList();
    }

    private static String cell(String[] f, int i) {
        return i < f.length ? f[i].trim() : "";
    }

    private static int parseTier(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("n/a")) {
            return 0;
        }
        int t = Integer.parseInt(s);
        if (t < 1 || t > 5) {
            throw new IllegalArgumentException("tier must be 1..5, got " + s);
        }
        return t;
    }

    private static double parseAge(String s) {
        return s.isEmpty() || s.equalsIgnoreCase("n/a") ? Double.NaN : Double.parseDouble(s);
    }
}
