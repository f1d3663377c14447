package org.neurocurate.io.bids;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dataset's participants.tsv with its participants.json, and the subjects' sessions.tsv files,
 * answering "what do we know about this subject at this session" as {@link ParticipantFacts}.
 *
 * <p>Wide format has one row per participant (session ages, if any, as columns such as
 * {@code age_ses-T1}); long format (ds005027) has a {@code session} column and one row per subject and
 * session. Columns are recognised by name tokens: sex ({@code sex}, {@code gender}), handedness
 * ({@code handedness}, {@code hand}), group ({@code group}, {@code diagnosis}, {@code dx}...), site (whole
 * names only: {@code site}, {@code center}, {@code scanner}, {@code ScannerSerialNumber},
 * {@code Scanlog: Scanner}...; ds000201's {@code SelfRatedHealth_byScanner.x} is no site), age
 * ({@link AgeColumns}). Thread-safe.
 */
public final class Participants {

    private static final Set<String> ID_NAMES = Set.of("participantid", "participant", "subject", "subjectid", "subid");
    private static final Set<String> SESSION_NAMES = Set.of("session", "sessionid", "ses");
    private static final Set<String> SITE_NAMES = Set.of("site", "siteid", "sitename", "center", "centre",
            "centerid", "centreid", "scanner", "scannerid", "scannername", "scannerserialnumber", "scanlogscanner",
            "acquisitionsite", "studysite", "institution", "institutionname");
    private static final Set<String> GROUP_NAMES = Set.of("group", "diagnosis", "dx", "dxgroup", "healthstatus",
            "health", "clinicalgroup", "condition", "subjectgroup", "participantgroup", "cohort");

    private final String fileName;
    private final TsvTable table;
    private final JsonObject sidecar;
    private final List<String> tableProblems;
    private final Map<String, List<TsvTable.Row>> rowsById = new LinkedHashMap<>();
    private final String idColumn;
    private final String sessionColumn;
    private final List<AgeColumns.AgeColumn> ageColumns;
    private final Map<String, ParticipantFacts> cache = new ConcurrentHashMap<>();
    private final Sessions sessions;

    private Participants(Path root, TsvTable table, JsonObject sidecar, List<String> tableProblems) {
        this.fileName = "participants.tsv";
        this.table = table;
        this.sidecar = sidecar;
        this.tableProblems = List.copyOf(tableProblems);
        List<String> header = table == null ? List.of() : table.header();
        this.idColumn = column(header, ID_NAMES);
        this.sessionColumn = column(header, SESSION_NAMES);
        this.ageColumns = AgeColumns.find(header, sidecar);
        this.sessions = new Sessions(root);
        if (table != null && idColumn != null) {
            for (TsvTable.Row r : table.rows()) {
                rowsById.computeIfAbsent(subjectId(r.get(idColumn)), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /**
     * Loads {@code root/participants.tsv} and {@code root/participants.json}. Never throws: a missing,
     * unreadable or malformed file becomes a problem attached to every scan of the dataset.
     */
    public static Participants load(Path root) {
        List<String> problems = new ArrayList<>();
        TsvTable table = null;
        Path tsv = root.resolve("participants.tsv");
        if (!Files.exists(tsv)) {
            problems.add("participants.tsv: missing");
        } else {
            try {
                table = TsvTable.read(tsv);
                if (!table.encoding().isEmpty()) {
                    problems.add("participants.tsv: encoding " + table.encoding());
                }
            } catch (IOException e) {
                problems.add("participants.tsv: unreadable (" + e + ")");
            }
        }
        JsonObject sidecar = null;
        Path json = root.resolve("participants.json");
        if (Files.exists(json)) {
            try {
                sidecar = Sidecars.parseObject(json);
            } catch (SidecarException e) {
                problems.add(e.getMessage());
            }
        }
        if (table != null && column(table.header(), ID_NAMES) == null) {
            problems.add("participants.tsv: no participant_id column");
        }
        return new Participants(root, table, sidecar, problems);
    }

    /** Distinct participant ids listed in participants.tsv (0 when absent). */
    public int listedParticipants() {
        return rowsById.size();
    }

    /** The distinct participant ids listed, in file order, normalised to {@code sub-<label>}. */
    public List<String> listedIds() {
        return List.copyOf(rowsById.keySet());
    }

    /** Problems with the table itself (missing, unreadable, encoding, invalid sidecar). */
    public List<String> tableProblems() {
        return tableProblems;
    }

    /** Everything known about {@code subject} ({@code sub-X}) at {@code session} (label or ""). */
    public ParticipantFacts facts(String subject, String session) {
        return cache.computeIfAbsent(subject + "\t" + session, k -> compute(subject, session));
    }

    private ParticipantFacts compute(String subject, String session) {
        List<String> problems = new ArrayList<>();
        List<TsvTable.Row> rows = rowsById.getOrDefault(subject, List.of());
        if (table != null && idColumn != null && rows.isEmpty()) {
            problems.add(fileName + ": " + subject + " is not listed");
        }
        TsvTable.Row row = rows.isEmpty() ? null : rows.get(0);
        TsvTable.Row ageRow = row;
        if (sessionColumn != null && !rows.isEmpty()) {
            ageRow = rows.stream().filter(r -> sameSession(r.get(sessionColumn), session)).findFirst().orElse(null);
            if (ageRow == null) {
                problems.add(fileName + ": no row for " + subject + " session \"" + session + "\"");
            }
        } else if (rows.size() > 1) {
            problems.add(fileName + ": " + subject + " has " + rows.size() + " rows, the first is used");
        }
        if (row != null && !row.problem().isEmpty()) {
            problems.add(row.problem());
        }
        Harmonised age = sessions.age(subject, session, problems);
        if (!age.isPresent() && ageRow != null) {
            age = age(ageRow, session, problems);
        }
        Harmonised sex = category(CategoryHarmoniser.Field.SEX, row, Set.of("sex", "gender"), problems);
        Harmonised hand = category(CategoryHarmoniser.Field.HANDEDNESS, row, Set.of("handedness", "hand"), problems);
        Harmonised health = category(CategoryHarmoniser.Field.HEALTH, row, null, problems);
        String groupCol = column(header(), GROUP_NAMES);
        Harmonised group = row == null || groupCol == null || AgeHarmoniser.isMissing(row.get(groupCol))
                ? Harmonised.ABSENT : groupLabel(groupCol, row.get(groupCol));
        Harmonised site = siteColumn(row);
        return new ParticipantFacts(age, sex, hand, group, health, site, problems);
    }

    private Harmonised age(TsvTable.Row row, String session, List<String> problems) {
        for (AgeColumns.AgeColumn c : AgeColumns.forSession(ageColumns, session)) {
            String source = fileName + "[" + c.info().name() + "]";
            AgeHarmoniser.Result r = AgeHarmoniser.harmonise(row.get(c.info().name()), c.info(), source);
            if (!r.problem().isEmpty()) {
                problems.add(r.problem());
            } else if (r.age().isPresent()) {
                return r.age();
            }
        }
        return Harmonised.ABSENT;
    }

    private Harmonised category(CategoryHarmoniser.Field field, TsvTable.Row row, Set<String> tokens,
                                List<String> problems) {
        String col = tokens == null ? column(header(), GROUP_NAMES) : tokenColumn(header(), tokens);
        if (row == null || col == null) {
            return Harmonised.ABSENT;
        }
        CategoryHarmoniser.Result r = CategoryHarmoniser.harmonise(field, row.get(col),
                ColumnInfo.of(col, sidecar), fileName + "[" + col + "]");
        if (!r.problem().isEmpty()) {
            problems.add(r.problem());
        }
        return r.value();
    }

    private Harmonised groupLabel(String col, String raw) {
        String label = ColumnInfo.of(col, sidecar).levels().get(raw.strip());
        return new Harmonised(raw.strip(), fileName + "[" + col + "]", raw.strip(),
                label == null ? "" : "Levels \"" + raw.strip() + "\" = \"" + label + "\"");
    }

    private Harmonised siteColumn(TsvTable.Row row) {
        String col = column(header(), SITE_NAMES);
        if (row == null || col == null || AgeHarmoniser.isMissing(row.get(col))) {
            return Harmonised.ABSENT;
        }
        String raw = row.get(col);
        return new Harmonised(raw, fileName + "[" + col + "]", raw, "");
    }

    private List<String> header() {
        return table == null ? List.of() : table.header();
    }

    private static boolean sameSession(String cell, String session) {
        return cell.replaceFirst("^ses-", "").equals(session);
    }

    /** {@code sub-<label>} for a participant_id cell with or without the prefix. */
    static String subjectId(String cell) {
        String s = cell.strip();
        return s.startsWith("sub-") ? s : "sub-" + s;
    }

    private static String column(List<String> header, Set<String> normalisedNames) {
        return header.stream().filter(h -> normalisedNames.contains(ColumnInfo.normalised(h))).findFirst().orElse(null);
    }

    private static String tokenColumn(List<String> header, Set<String> tokens) {
        return header.stream().filter(h -> ColumnInfo.tokens(h).stream().anyMatch(tokens::contains))
                .findFirst().orElse(null);
    }
}
