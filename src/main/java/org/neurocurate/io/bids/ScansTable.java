package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

import org.neurocurate.io.AtomicOutput;

/**
 * The scans table: one row per image file of the indexed datasets, UTF-8 tab-separated, header first,
 * {@code n/a} for a missing value (as BIDS tables), tabs and line breaks inside values replaced by spaces.
 *
 * <p>Columns, in this order ({@link #COLUMNS}):
 * <ol>
 *   <li>{@code dataset}: dataset folder name; {@code dataset_name}: Name from dataset_description.json</li>
 *   <li>{@code participant_id} ({@code sub-X}), {@code session}, {@code run}, {@code acquisition}: entity labels</li>
 *   <li>{@code datatype} (anat, func, ...), {@code modality} (BIDS suffix: T1w, FLAIR, bold...),
 *       {@code entities} (all entities as in the file name), {@code path} (absolute)</li>
 *   <li>{@code n_volumes}: from the NIfTI header (dim[4] when 4-D, else 1); {@code file_bytes}</li>
 *   <li>{@code age} (years), {@code sex} (M/F/O), {@code handedness} (R/L/A), {@code group} (as written),
 *       {@code health} (control/patient), {@code site} (explicit site column, else dataset/vendor/model/field)</li>
 *   <li>{@code manufacturer}, {@code manufacturer_model}, {@code field_strength_t} (tesla),
 *       {@code repetition_time_s}, {@code echo_time_s} (seconds), {@code flip_angle_deg} (degrees),
 *       {@code phase_encoding_direction} (i/j/k[-])</li>
 *   <li>{@code sidecars}: the JSON files that applied (space-separated, least specific first)</li>
 *   <li>{@code sources}: per harmonised value {@code column <- file[key]="raw" (note)}, joined by {@code ; }</li>
 *   <li>{@code problems}: what could not be read or parsed, joined by {@code  | }</li>
 * </ol>
 * Later stages may append columns (e.g. {@code tier}); {@link #read} keeps them.
 */
public final class ScansTable {

    public static final String DATASET = "dataset";
    public static final String DATASET_NAME = "dataset_name";
    public static final String PARTICIPANT = "participant_id";
    public static final String SESSION = "session";
    public static final String RUN = "run";
    public static final String ACQUISITION = "acquisition";
    public static final String DATATYPE = "datatype";
    public static final String MODALITY = "modality";
    public static final String ENTITIES = "entities";
    public static final String PATH = "path";
    public static final String VOLUMES = "n_volumes";
    public static final String FILE_BYTES = "file_bytes";
    public static final String AGE = "age";
    public static final String SEX = "sex";
    public static final String HANDEDNESS = "handedness";
    public static final String GROUP = "group";
    public static final String HEALTH = "health";
    public static final String SITE = "site";
    public static final String MANUFACTURER = "manufacturer";
    public static final String MODEL = "manufacturer_model";
    public static final String FIELD_STRENGTH = "field_strength_t";
    public static final String TR = "repetition_time_s";
    public static final String TE = "echo_time_s";
    public static final String FLIP_ANGLE = "flip_angle_deg";
    public static final String PHASE_ENCODING = "phase_encoding_direction";
    public static final String SIDECARS = "sidecars";
    public static final String SOURCES = "sources";
    public static final String PROBLEMS = "problems";

    /** The harmonised columns, each backed by a {@link Harmonised} value with its source. */
    public static final List<String> HARMONISED_COLUMNS = List.of(AGE, SEX, HANDEDNESS, GROUP, HEALTH, SITE,
            MANUFACTURER, MODEL, FIELD_STRENGTH, TR, TE, FLIP_ANGLE, PHASE_ENCODING);

    /** Every column of a freshly indexed table, in order. */
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of(DATASET, DATASET_NAME, PARTICIPANT, SESSION, RUN, ACQUISITION,
                DATATYPE, MODALITY, ENTITIES, PATH, VOLUMES, FILE_BYTES));
        c.addAll(HARMONISED_COLUMNS);
        c.addAll(List.of(SIDECARS, SOURCES, PROBLEMS));
        COLUMNS = List.copyOf(c);
    }

    private static final String MISSING = "n/a";

    /**
     * A table read back: its header (the known columns plus any added by later stages) and rows.
     *
     * @param header column names in file order
     * @param rows   the rows, missing values as ""
     */
    public record Table(List<String> header, List<ScanRow> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** The rows passing {@code filter}, header unchanged. */
        public Table filter(Predicate<ScanRow> filter) {
            return new Table(header, rows.stream().filter(filter).toList());
        }
    }

    private ScansTable() { }

    /** Writes records with {@link #COLUMNS}; atomic (temporary file in the same folder, then rename). */
    public static void write(Path out, List<ScanRecord> records) throws IOException {
        write(out, new Table(COLUMNS, records.stream().map(ScanRecord::toRow).toList()));
    }

    /** Writes a table with its own header (a later stage's extra columns included); atomic. */
    public static void write(Path out, Table table) throws IOException {
        StringBuilder text = new StringBuilder(String.join("\t", table.header())).append('\n');
        for (ScanRow r : table.rows()) {
            StringJoiner sb = new StringJoiner("\t");
            for (String c : table.header()) {
                String v = r.get(c).replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
                sb.add(v.isEmpty() ? MISSING : v);
            }
            text.append(sb).append('\n');
        }
        AtomicOutput.writeString(out, text.toString());
    }

    /** Reads a scans table; a row with the wrong number of cells is an error naming the file and line. */
    public static Table read(Path file) throws IOException {
        TsvTable t = TsvTable.read(file);
        if (!t.header().contains(PATH)) {
            throw new IOException(file + ": not a scans table (no " + PATH + " column)");
        }
        List<ScanRow> rows = new ArrayList<>();
        for (TsvTable.Row r : t.rows()) {
            if (!r.problem().isEmpty()) {
                throw new IOException(file + ": " + r.problem());
            }
            Map<String, String> m = new LinkedHashMap<>();
            r.cells().forEach((k, v) -> m.put(k, v.equals(MISSING) ? "" : v));
            rows.add(new ScanRow(m));
        }
        return new Table(t.header(), rows);
    }
}
