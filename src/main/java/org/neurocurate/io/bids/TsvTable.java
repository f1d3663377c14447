package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BIDS tabular file ({@code participants.tsv}, {@code *_sessions.tsv}) read leniently: any encoding
 * {@link DecodedText} handles, LF/CRLF/CR line endings, blank lines skipped, cells stripped of
 * surrounding white space. A row with fewer cells than the header is padded with empty cells, a row
 * with more loses the extra cells; either way the row carries a {@link Row#problem()}.
 *
 * @param file     where it was read from
 * @param header   column names in file order
 * @param rows     data rows in file order
 * @param encoding empty for plain UTF-8, else what {@link DecodedText} found
 */
public record TsvTable(Path file, List<String> header, List<Row> rows, String encoding) {

    /**
     * One data row.
     *
     * @param line    1-based line number in the file
     * @param cells   column → stripped cell text (every header column present)
     * @param problem empty, or why the row is ragged
     */
    public record Row(int line, Map<String, String> cells, String problem) {
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    public TsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads a table; I/O failures propagate, content problems are recorded on rows. */
    public static TsvTable read(Path file) throws IOException {
        DecodedText decoded = DecodedText.read(file);
        String[] lines = decoded.text().split("\r\n|\n|\r", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            return new TsvTable(file, List.of(), List.of(), decoded.note());
        }
        List<String> header = new ArrayList<>();
        for (String h : lines[first].split("\t", -1)) {
            header.add(h.strip());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(row(file.getFileName().toString(), header, lines[i], i + 1));
            }
        }
        return new TsvTable(file, header, rows, decoded.note());
    }

    private static Row row(String fileName, List<String> header, String line, int lineNumber) {
        String[] cells = line.split("\t", -1);
        Map<String, String> map = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            map.put(header.get(c), c < cells.length ? cells[c].strip() : "");
        }
        String problem = "";
        if (cells.length != header.size()) {
            problem = String.format("%s line %d has %d cells, header has %d",
                    fileName, lineNumber, cells.length, header.size());
        }
        return new Row(lineNumber, Collections.unmodifiableMap(map), problem);
    }
}
