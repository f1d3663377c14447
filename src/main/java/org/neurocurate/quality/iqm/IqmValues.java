package org.neurocurate.quality.iqm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** IQM key → value, in insertion order; {@link Double#NaN} marks a value MRIQC leaves undefined. */
public final class IqmValues {

    private final Map<String, Double> values = new LinkedHashMap<>();

    /** Records a value; a key can be written once. */
    public void put(String key, double value) {
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("IQM written twice: " + key);
        }
    }

    /** The value of a key, or NaN when it is undefined; throws when the key was never computed. */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no IQM named " + key);
        }
        return v;
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** A read-only view, in computation order. */
    public Map<String, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
