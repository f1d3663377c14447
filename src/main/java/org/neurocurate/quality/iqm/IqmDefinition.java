package org.neurocurate.quality.iqm;

import java.util.Objects;

/**
 * One IQM as MRIQC names it: its key (the MRIQC column name), which way is better, a one-line
 * definition, and whether the value is an integer count (size_*), so writers can print it as one.
 */
public record IqmDefinition(String key, Direction direction, String definition, boolean integral) {

    public IqmDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(definition, "definition");
        if (!key.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("IQM keys are lower-case snake_case: " + key);
        }
    }

    /** A real-valued IQM. */
    public static IqmDefinition of(String key, Direction direction, String definition) {
        return new IqmDefinition(key, direction, definition, false);
    }
}
