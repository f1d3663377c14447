package org.neurocurate.io.bids;

/**
 * One harmonised metadata value with the raw text it came from, so every cell of the scans table can
 * be audited back to its source.
 *
 * @param value  harmonised text ("" when missing), e.g. {@code 57.5}, {@code F}, {@code Siemens}
 * @param source where the raw text was read, e.g. {@code participants.tsv[age (5-year bins)]} or
 *               {@code sub-01_T1w.json[MagneticFieldStrength]}
 * @param raw    the raw text exactly as found (after stripping surrounding white space)
 * @param note   how the raw text became the value when not verbatim, e.g. {@code range midpoint},
 *               {@code months to years}; empty otherwise
 */
public record Harmonised(String value, String source, String raw, String note) {

    /** No value and no source: the dataset does not report this field. */
    public static final Harmonised ABSENT = new Harmonised("", "", "", "");

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** {@code source="raw" (note)}, the audit text for the scans table's {@code sources} column. */
    public String audit() {
        String s = source + "=\"" + raw + "\"";
        return note.isEmpty() ? s : s + " (" + note + ")";
    }
}
