package org.neurocurate.quality.iqm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The IQM features available on the classpath, discovered through {@link ServiceLoader}
 * ({@code META-INF/services/org.neurocurate.quality.iqm.IqmFeature}), so adding a measure is adding
 * a class and one line there, never editing a switch. Keys must be unique across features.
 */
public final class IqmRegistry {

    private final List<IqmFeature> features;

    private IqmRegistry(List<IqmFeature> features) {
        Set<String> seen = new HashSet<>();
        for (IqmFeature f : features) {
            for (IqmDefinition d : f.definitions()) {
                if (!seen.add(d.key())) {
                    throw new IllegalStateException("IQM key declared twice: " + d.key());
                }
            }
        }
        this.features = List.copyOf(features);
    }

    /** All features found by the class loader that loaded NeuroCurate (works inside Fiji's plugin loader). */
    public static IqmRegistry discover() {
        List<IqmFeature> found = new ArrayList<>();
        ServiceLoader.load(IqmFeature.class, IqmFeature.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(f -> f.getClass().getName()));
        return new IqmRegistry(found);
    }

    /** A registry of exactly these features (tests, or a caller restricting the set). */
    public static IqmRegistry of(List<IqmFeature> features) {
        return new IqmRegistry(features);
    }

    public List<IqmFeature> features() {
        return features;
    }

    /** Every declared key with its direction and definition. */
    public List<IqmDefinition> definitions() {
        List<IqmDefinition> all = new ArrayList<>();
        features.forEach(f -> all.addAll(f.definitions()));
        return all;
    }
}
