package org.neurocurate.quality.tier;

import org.neurocurate.io.AtomicOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The tier output table: TSV with the input's id column first, then {@code p_usable}, {@code tier},
 * {@code tier_reason}. Untiered rows have {@code n/a} for p_usable and tier; rule-based rows have
 * {@code n/a} for p_usable.
 */
public final class TierTable {

    /** Output columns after the id column. */
    public static final List<String> COLUMNS = List.of("p_usable", "tier", "tier_reason");

    private TierTable() {
    }

    public static String tsv(String idColumn, List<TierAssignment> rows) {
        StringBuilder sb = new StringBuilder(idColumn).append('\t').append(String.join("\t", COLUMNS)).append('\n');
        for (List<String> cells : cells(rows)) {
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString();
    }

    /** One list of cells per row: id, p_usable, tier, tier_reason (e.g. for an ImageJ ResultsTable). */
    public static List<List<String>> cells(List<TierAssignment> rows) {
        return rows.stream().map(a -> List.of(clean(a.id()),
                Double.isNaN(a.pUsable()) ? "n/a" : String.format(Locale.ROOT, "%.4f", a.pUsable()),
                a.tiered() ? Integer.toString(a.tier()) : "n/a", clean(a.reason()))).toList();
    }

    /** Writes the table atomically (temporary file, then rename). */
    public static void write(Path out, String idColumn, List<TierAssignment> rows) throws IOException {
        AtomicOutput.writeString(out, tsv(idColumn, rows));
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
