package org.neurocurate.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads sourcedata/groundtruth.tsv of a synthetic dataset back into {@link GroundTruthRow}s, so QC and
 * tier experiments can score themselves against the truth. Columns are found by name.
 */
public final class GroundTruthTable {

    /** Where the table lives inside a dataset. */
    public static final String RELATIVE_PATH = "sourcedata/groundtruth.tsv";

    private GroundTruthTable() {
    }

    /** The rows of {@code datasetRoot}/sourcedata/groundtruth.tsv, in file order. */
    public static List<GroundTruthRow> read(Path datasetRoot) throws IOException {
        Path file = datasetRoot.resolve(RELATIVE_PATH);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GroundTruthException(file, 0, "no ground-truth table (is this a NeuroCurate synthetic dataset?)");
        }
        if (lines.isEmpty()) {
            throw new GroundTruthException(file, 0, "empty file, expected a header line");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        List<GroundTruthRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (!lines.get(n).isBlank()) {
                rows.add(parse(file, n + 1, header, lines.get(n).split("\t", -1)));
            }
        }
        return rows;
    }

    private static GroundTruthRow parse(Path file, int line, List<String> header, String[] cells) throws GroundTruthException {
        if (cells.length != header.size()) {
            throw new GroundTruthException(file, line, cells.length + " cells for " + header.size() + " columns");
        }
        Cells c = new Cells(file, line, header, cells);
        Double[] ml = new Double[Tissue.COUNT];
        Arrays.fill(ml, 0.0);
        for (var e : BidsCohortFiles.VOLUME_COLUMNS.entrySet()) {
            ml[e.getValue().label()] = c.number(e.getKey());
        }
        return new GroundTruthRow(c.text("participant_id"), c.text("scan"), c.text("contrast"), c.text("site"),
                c.number("age"), c.text("sex"), artifacts(c), c.flag("defaced"), c.flag("skull_stripped"),
                List.of(ml), c.number("vol_icv_ml"));
    }

    /** "key:severity;key:severity" or "none". */
    private static List<PlannedArtifact> artifacts(Cells c) throws GroundTruthException {
        String cell = c.text("artifacts");
        List<PlannedArtifact> out = new ArrayList<>();
        if (cell.equals("none")) {
            return out;
        }
        for (String part : cell.split(";")) {
            String[] kv = part.split(":");
            try {
                out.add(new PlannedArtifact(kv[0], Double.parseDouble(kv[1])));
            } catch (RuntimeException e) {
                throw c.error("artifacts: cannot read '" + part + "' as key:severity (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** One line's cells, looked up by column name. */
    private record Cells(Path file, int line, List<String> header, String[] cells) {

        String text(String column) throws GroundTruthException {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new GroundTruthException(file, 1, "missing column '" + column + "'");
            }
            return cells[i];
        }

        double number(String column) throws GroundTruthException {
            String t = text(column);
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error(column + ": '" + t + "' is not a number");
            }
        }

        boolean flag(String column) throws GroundTruthException {
            String t = text(column);
            if (!t.equals("true") && !t.equals("false")) {
                throw error(column + ": '" + t + "' is not true or false");
            }
            return t.equals("true");
        }

        GroundTruthException error(String reason) {
            return new GroundTruthException(file, line, reason);
        }
    }
}
