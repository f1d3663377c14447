package org.neurocurate.io.bids;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of a scans table as column → text, the form every later stage reads and filters, including
 * columns this package does not know (a QC stage's {@code tier}). Missing values are empty strings.
 *
 * @param cells column → text, in column order (unmodifiable)
 */
public record ScanRow(Map<String, String> cells) {

    public ScanRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The text of a column, "" when missing or absent. */
    public String get(String column) {
        return cells.getOrDefault(column, "");
    }

    /** The number in a column; empty when missing or not a number. */
    public OptionalDouble number(String column) {
        String s = get(column);
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A copy with one column set (added at the end when new), e.g. a QC stage adding {@code tier}. */
    public ScanRow with(String column, String value) {
        Map<String, String> m = new LinkedHashMap<>(cells);
        m.put(column, value);
        return new ScanRow(m);
    }
}
