package org.neurocurate.quality.tier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads IQM tables (MRIQC's {@code group_T1w.tsv}, its classifier CSVs, NeuroCurate's own output)
 * as CSV or TSV: the delimiter is a tab when the header holds one, else a comma. The id column is
 * {@code subject_id} or {@code participant_id} (else the first column); an optional {@code site}
 * column is kept as text (it selects the site-wise reference); columns without a single number
 * (names, paths) are skipped; in every other column a cell that is empty or not a number becomes
 * NaN with a note on its row ("true" and "false", NeuroCurate's flags, read as 1 and 0).
 */
public final class IqmTableReader {

    private static final List<String> ID_COLUMNS = List.of("subject_id", "participant_id");
    private static final List<String> TEXT_COLUMNS = List.of("site", "bids_name", "session_id", "run_id",
            "acq_id", "rec_id", "task_id", "modality", "tier_reason", "error");

    private IqmTableReader() {
    }

    /** Reads a whole table; throws only when the file cannot be read or has no usable header. */
    public static IqmTable read(Path file) throws IOException {
        requireFile(file);
        List<String> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().filter(l -> !l.isBlank()).toList();
        } catch (java.io.UncheckedIOException e) {
            throw new IqmTableException(file, "not readable as UTF-8 text (" + e.getCause().getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new IqmTableException(file, "empty table, no header");
        }
        char sep = lines.get(0).indexOf('\t') >= 0 ? '\t' : ',';
        List<String> header = DelimitedLine.split(stripBom(lines.get(0)), sep);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            rows.add(DelimitedLine.split(lines.get(r), sep));
        }
        if (rows.isEmpty()) {
            throw new IqmTableException(file, "the table has a header but no rows");
        }
        int idCol = idColumn(header);
        int siteCol = header.indexOf("site");
        List<Integer> numeric = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != idCol && !TEXT_COLUMNS.contains(header.get(c).toLowerCase(Locale.ROOT)) && !isText(rows, c)) {
                numeric.add(c);
            }
        }
        return parseRows(rows, header, idCol, siteCol, numeric);
    }

    /** A column with cells but not one number in them holds text (a name, a path), not an IQM. */
    private static boolean isText(List<List<String>> rows, int c) {
        boolean anyCell = false;
        for (List<String> row : rows) {
            String text = cell(row, c);
            if (!Double.isNaN(parse(text))) {
                return false;
            }
            anyCell |= !text.isEmpty();
        }
        return anyCell;
    }

    private static IqmTable parseRows(List<List<String>> rows, List<String> header, int idCol, int siteCol,
                                      List<Integer> numeric) {
        List<String> ids = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        double[][] values = new double[rows.size()][numeric.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            ids.add(cell(cells, idCol));
            String site = siteCol < 0 ? "" : cell(cells, siteCol);
            sites.add(site.isEmpty() ? null : site);
            List<String> bad = new ArrayList<>();
            for (int k = 0; k < numeric.size(); k++) {
                String text = cell(cells, numeric.get(k));
                values[r][k] = parse(text);
                if (Double.isNaN(values[r][k])) {
                    bad.add(header.get(numeric.get(k)) + (text.isEmpty() ? " missing" : "='" + text + "'"));
                }
            }
            problems.add(bad.isEmpty() ? "" : "non-numeric or missing IQM: " + String.join(", ", bad));
        }
        List<String> names = numeric.stream().map(header::get).toList();
        return new IqmTable(header.get(idCol), ids, sites, names, values, problems);
    }

    /** Fails with the file's name when it is not a readable regular file. */
    static void requireFile(Path file) throws IqmTableException {
        if (!Files.isRegularFile(file)) {
            throw new IqmTableException(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IqmTableException(file, "not readable");
        }
    }

    private static int idColumn(List<String> header) {
        for (String name : ID_COLUMNS) {
            int c = header.indexOf(name);
            if (c >= 0) {
                return c;
            }
        }
        return 0;
    }

    private static String cell(List<String> cells, int c) {
        return c < cells.size() ? cells.get(c).trim() : "";
    }

    /** A number; "true" and "false" (NeuroCurate's flags, e.g. skull_stripped) read as 1 and 0. */
    private static double parse(String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true") ? 1 : 0;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
