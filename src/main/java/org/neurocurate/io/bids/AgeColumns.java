package org.neurocurate.io.bids;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the columns of a participants or sessions table that hold age at scan, and orders them for a
 * given session. A column qualifies when one of its name tokens ({@link ColumnInfo#tokens}) is
 * {@code age} and none names another event ({@code onset}, {@code op}, {@code cog}, {@code pet},
 * {@code group}, ...): {@code age}, {@code Age}, {@code ScanAge}, {@code age_at_scan},
 * {@code AgeMRI_W1}, {@code age_ses-T1}, {@code age (5-year bins)} qualify; {@code AgeGroup},
 * {@code age_epilepsyonset}, {@code AgeCog_W1} do not.
 *
 * <p>A column is bound to a session when its name carries a {@code ses} token followed by a label
 * ({@code age_ses-T1} → {@code T1}) or ends in a short letters-plus-number token ({@code AgeMRI_W1} →
 * {@code W1}); such a token matches a session label when the numbers are equal and its letters start
 * the label's letters ({@code W1} matches {@code wave1}, {@code T1} matches {@code T1}).
 */
final class AgeColumns {

    private static final Set<String> OTHER_EVENTS = Set.of("onset", "op", "surgery", "death", "diagnosis",
            "dx", "cog", "pet", "amy", "tau", "group", "groups", "menarche", "gestational", "education",
            "edu", "mother", "father", "parent", "range", "min", "max");
    private static final Set<String> IMAGING = Set.of("mri", "scan", "imaging", "mr");
    private static final Pattern SESSION_TOKEN = Pattern.compile("([a-z]{1,4})(\\d+)");

    /**
     * One age column.
     *
     * @param info         its name, Units, Levels
     * @param sessionToken lower-case session token when bound to a session, else null
     * @param imaging      true when its name says it is the age at the MRI scan
     */
    record AgeColumn(ColumnInfo info, String sessionToken, boolean imaging) { }

    private AgeColumns() { }

    /** The age columns among {@code header}, with Units/Levels from {@code sidecar} (may be null). */
    static List<AgeColumn> find(List<String> header, JsonObject sidecar) {
        List<AgeColumn> out = new ArrayList<>();
        for (String name : header) {
            List<String> tokens = ColumnInfo.tokens(name);
            if (!tokens.contains("age") || tokens.stream().anyMatch(OTHER_EVENTS::contains)) {
                continue;
            }
            String bound = null;
            int ses = tokens.indexOf("ses");
            if (ses >= 0 && ses + 1 < tokens.size()) {
                bound = tokens.get(ses + 1);
            } else if (SESSION_TOKEN.matcher(tokens.get(tokens.size() - 1)).matches()) {
                bound = tokens.get(tokens.size() - 1);
            }
            boolean imaging = tokens.stream().anyMatch(IMAGING::contains);
            out.add(new AgeColumn(ColumnInfo.of(name, sidecar), bound, imaging));
        }
        return out;
    }

    /**
     * The columns that may give the age for a scan in {@code session} ("" for none), best first:
     * session-bound columns matching it, then unbound ones; within each, imaging ages first.
     */
    static List<AgeColumn> forSession(List<AgeColumn> columns, String session) {
        List<AgeColumn> matching = new ArrayList<>();
        for (AgeColumn c : columns) {
            if (c.sessionToken == null || (!session.isEmpty() && matches(c.sessionToken, session))) {
                matching.add(c);
            }
        }
        matching.sort(Comparator.comparing((AgeColumn c) -> c.sessionToken == null)
                .thenComparing(c -> !c.imaging));
        return matching;
    }

    /** True when a column's session token names {@code session} (see class comment). */
    static boolean matches(String token, String session) {
        String label = session.toLowerCase(Locale.ROOT);
        if (token.equals(label)) {
            return true;
        }
        Matcher t = SESSION_TOKEN.matcher(token);
        Matcher l = Pattern.compile("([a-z]*)-?0*(\\d+)").matcher(label);
        return t.matches() && l.matches() && l.group(1).startsWith(t.group(1))
                && Long.parseLong(t.group(2)) == Long.parseLong(l.group(2));
    }
}
