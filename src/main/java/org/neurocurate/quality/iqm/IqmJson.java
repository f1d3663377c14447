package org.neurocurate.quality.iqm;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * IQMs as MRIQC-style JSON: one object, IQM name → number, {@code null} where the value is undefined
 * (NaN), integer counts (size_*) without a decimal point.
 */
public final class IqmJson {

    private IqmJson() {
    }

    public static JsonObject toJson(Map<String, Double> iqms, IqmRegistry registry) {
        Set<String> integral = new HashSet<>();
        registry.definitions().forEach(d -> {
            if (d.integral()) {
                integral.add(d.key());
            }
        });
        JsonObject o = new JsonObject();
        iqms.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                o.add(k, JsonNull.INSTANCE);
            } else if (integral.contains(k)) {
                o.addProperty(k, Math.round(v));
            } else {
                o.addProperty(k, v);
            }
        });
        return o;
    }

    /** Pretty-printed JSON text (nulls kept). */
    public static String format(Map<String, Double> iqms, IqmRegistry registry) {
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(toJson(iqms, registry));
    }
}
