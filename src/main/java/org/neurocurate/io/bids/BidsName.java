package org.neurocurate.io.bids;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A BIDS file name split into its entities, suffix and extension:
 * {@code sub-01_ses-mri_acq-mprage_run-1_T1w.nii.gz} gives entities {@code sub=01, ses=mri,
 * acq=mprage, run=1}, suffix {@code T1w} and extension {@code .nii.gz}.
 *
 * <p>Rules (BIDS 1.9, "Filename structure"): key-value pairs {@code key-label} joined by {@code _},
 * keys and labels alphanumeric (labels of {@code run}/{@code echo} etc. are not checked for being
 * numeric here), then an alphanumeric suffix, then an extension starting at the first dot. Top-level
 * inherited sidecars such as {@code acq-mprage_T1w.json} have no {@code sub} entity and are valid names.
 *
 * @param entities key → label in file order (unmodifiable)
 * @param suffix   the modality or file kind, e.g. {@code T1w}, {@code bold}, {@code sessions}
 * @param extension from the first dot, e.g. {@code .nii.gz}, {@code .json}
 */
public record BidsName(Map<String, String> entities, String suffix, String extension) {

    private static final Pattern ALNUM = Pattern.compile("[A-Za-z0-9]+");

    public BidsName {
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /** Parses a file name (no directory part); empty when it does not follow the BIDS structure. */
    public static Optional<BidsName> parse(String fileName) {
        int dot = fileName.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, dot);
        String extension = fileName.substring(dot);
        String[] parts = stem.split("_", -1);
        Map<String, String> entities = new LinkedHashMap<>();
        for (int i = 0; i < parts.length - 1; i++) {
            int dash = parts[i].indexOf('-');
            if (dash <= 0 || dash != parts[i].lastIndexOf('-')) {
                return Optional.empty();
            }
            String key = parts[i].substring(0, dash);
            String label = parts[i].substring(dash + 1);
            if (!ALNUM.matcher(key).matches() || !ALNUM.matcher(label).matches()
                    || entities.putIfAbsent(key, label) != null) {
                return Optional.empty();
            }
        }
        String suffix = parts[parts.length - 1];
        if (!ALNUM.matcher(suffix).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BidsName(entities, suffix, extension));
    }

    /** The label of an entity, or the empty string when the name does not carry it. */
    public String entity(String key) {
        return entities.getOrDefault(key, "");
    }

    /** True when this name's entities are all present with equal labels in {@code other} (BIDS inheritance). */
    public boolean entitiesAreSubsetOf(BidsName other) {
        for (Map.Entry<String, String> e : entities.entrySet()) {
            if (!e.getValue().equals(other.entities.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The entities as they appear in the file name, e.g. {@code sub-01_ses-1_run-2}. */
    public String entityString() {
        StringBuilder sb = new StringBuilder();
        entities.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "_").append(k).append('-').append(v));
        return sb.toString();
    }
}
