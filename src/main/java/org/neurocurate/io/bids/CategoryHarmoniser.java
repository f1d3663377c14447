package org.neurocurate.io.bids;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Harmonises categorical participant columns: sex to {@code M}/{@code F}/{@code O}, handedness to
 * {@code R}/{@code L}/{@code A}, and health group to {@code control}/{@code patient}.
 *
 * <p>A code is first looked up in the column's Levels (exactly, then ignoring case, which is flagged:
 * ds002748 declares {@code M}/{@code F} but writes {@code m}/{@code f}); the raw text or the Levels
 * label is then matched against the vocabulary below. Numeric codes without Levels are never guessed
 * (1 is male in ds001486 but female in ds005027): they are problems, as is anything unrecognised.
 */
public final class CategoryHarmoniser {

    /** The categorical fields and their vocabularies (lower-case word → harmonised code). */
    public enum Field {
        SEX("sex", Map.ofEntries(Map.entry("m", "M"), Map.entry("male", "M"), Map.entry("man", "M"),
                Map.entry("boy", "M"), Map.entry("f", "F"), Map.entry("female", "F"), Map.entry("woman", "F"),
                Map.entry("girl", "F"), Map.entry("o", "O"), Map.entry("other", "O"), Map.entry("x", "O"),
                Map.entry("intersex", "O"), Map.entry("non-binary", "O"), Map.entry("nonbinary", "O"))),
        HANDEDNESS("handedness", Map.ofEntries(Map.entry("r", "R"), Map.entry("right", "R"),
                Map.entry("rh", "R"), Map.entry("right-handed", "R"), Map.entry("right handed", "R"),
                Map.entry("l", "L"), Map.entry("left", "L"), Map.entry("lh", "L"),
                Map.entry("left-handed", "L"), Map.entry("left handed", "L"), Map.entry("a", "A"),
                Map.entry("ambi", "A"), Map.entry("ambidextrous", "A"), Map.entry("both", "A"),
                Map.entry("mixed", "A"))),
        HEALTH("health", Map.ofEntries(Map.entry("control", "control"), Map.entry("controls", "control"),
                Map.entry("hc", "control"), Map.entry("nc", "control"), Map.entry("ctrl", "control"),
                Map.entry("ctl", "control"), Map.entry("healthy", "control"), Map.entry("normal", "control"),
                Map.entry("healthy control", "control"), Map.entry("healthy controls", "control"),
                Map.entry("healthy volunteer", "control"), Map.entry("healthy volunteers", "control"),
                Map.entry("typically developing", "control"), Map.entry("td", "control")));

        final String key;
        final Map<String, String> vocabulary;

        Field(String key, Map<String, String> vocabulary) {
            this.key = key;
            this.vocabulary = vocabulary;
        }
    }

    /** The outcome for one cell: a harmonised value, or nothing, or a problem. */
    public record Result(Harmonised value, String problem) { }

    private CategoryHarmoniser() { }

    /** Harmonises one cell of {@code column}; {@code source} names the file and column for the audit. */
    public static Result harmonise(Field field, String raw, ColumnInfo column, String source) {
        if (AgeHarmoniser.isMissing(raw)) {
            return new Result(Harmonised.ABSENT, "");
        }
        String text = raw.strip();
        String note = "";
        Optional<Map.Entry<String, String>> level = level(column.levels(), text);
        if (level.isPresent()) {
            boolean exact = level.get().getKey().equals(text);
            note = "Levels \"" + level.get().getKey() + "\" = \"" + level.get().getValue() + "\""
                    + (exact ? "" : ", case differs from Levels");
            text = level.get().getValue();
        }
        String code = field.vocabulary.get(text.toLowerCase(Locale.ROOT));
        if (field == Field.HEALTH) {
            // Any named group that is not a control group is a patient group (diagnosis, condition).
            code = code != null ? code : "patient";
            return new Result(new Harmonised(code, source, raw.strip(), note.isEmpty() ? "group \"" + text + "\"" : note), "");
        }
        if (code == null) {
            String why = text.matches("[0-9.]+") && column.levels().isEmpty()
                    ? " is a numeric code without Levels in the sidecar" : " is not a recognised value";
            return new Result(Harmonised.ABSENT, source + ": " + field.key + " \"" + raw.strip() + "\"" + why);
        }
        return new Result(new Harmonised(code, source, raw.strip(), note), "");
    }

    private static Optional<Map.Entry<String, String>> level(Map<String, String> levels, String text) {
        if (levels.containsKey(text)) {
            return Optional.of(Map.entry(text, levels.get(text)));
        }
        return levels.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(text)).findFirst();
    }
}
