package org.neurocurate.io.bids;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a tabular file's JSON sidecar ({@code participants.json}) says about one column: its
 * Description, Units and Levels (BIDS "Tabular files"). Missing entries are empty.
 *
 * @param name        the column name as in the TSV header
 * @param description the Description text, or ""
 * @param units       the Units text, or ""
 * @param levels      raw code → label (unmodifiable; empty when no Levels are declared)
 */
public record ColumnInfo(String name, String description, String units, Map<String, String> levels) {

    private static final Pattern TOKEN_SPLIT = Pattern.compile("(?<=[a-z])(?=[A-Z])|[^A-Za-z0-9]+");

    public ColumnInfo {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** Reads the entry for {@code name} from a participants.json object (null when the file is absent). */
    public static ColumnInfo of(String name, JsonObject sidecar) {
        if (sidecar == null || !sidecar.has(name) || !sidecar.get(name).isJsonObject()) {
            return new ColumnInfo(name, "", "", Map.of());
        }
        JsonObject entry = sidecar.getAsJsonObject(name);
        Map<String, String> levels = new LinkedHashMap<>();
        if (entry.has("Levels") && entry.get("Levels").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : entry.getAsJsonObject("Levels").entrySet()) {
                levels.put(e.getKey().strip(), text(e.getValue()));
            }
        }
        return new ColumnInfo(name, text(entry.get("Description")), text(entry.get("Units")), levels);
    }

    private static String text(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString().strip() : "";
    }

    /**
     * Lower-case word tokens of a column name, split at non-alphanumerics and lower-to-upper case
     * changes: {@code AgeMRI_W1} → [age, mri, w1], {@code age (5-year bins)} → [age, 5, year, bins].
     */
    public static List<String> tokens(String columnName) {
        return java.util.Arrays.stream(TOKEN_SPLIT.split(columnName))
                .filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The column name lower-cased with everything but letters and digits removed. */
    public static String normalised(String columnName) {
        return columnName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
