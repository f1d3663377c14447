package org.neurocurate.quality.iqm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.neurocurate.progress.ProgressListener;

/**
 * Level (a) of NeuroCurate's quality control: MRIQC's structural IQMs from given inputs (image, masks,
 * tissue maps, bias field), every feature of an {@link IqmRegistry} computed on one shared
 * {@link IqmContext}. Features run in parallel (the common fork-join pool); each is deterministic, so
 * results do not depend on the thread count.
 */
public final class IqmCalculator {

    private final IqmRegistry registry;

    public IqmCalculator(IqmRegistry registry) {
        this.registry = registry;
    }

    /** A calculator over every discovered feature. */
    public static IqmCalculator withAllFeatures() {
        return new IqmCalculator(IqmRegistry.discover());
    }

    public IqmRegistry registry() {
        return registry;
    }

    /**
     * All IQMs, keyed by MRIQC name in alphabetical order (as MRIQC's flattened output); NaN marks a
     * value MRIQC leaves undefined.
     */
    public Map<String, Double> compute(IqmInputs inputs, ProgressListener progress) {
        IqmContext context = new IqmContext(inputs);
        List<IqmFeature> features = registry.features();
        progress.status("computing " + features.size() + " IQM features");
        AtomicInteger done = new AtomicInteger();
        List<IqmValues> parts = features.parallelStream().map(f -> {
            IqmValues values = new IqmValues();
            f.compute(context, values);
            progress.progress(done.incrementAndGet(), features.size());
            return values;
        }).toList();
        Map<String, Double> all = new TreeMap<>();
        for (int i = 0; i < features.size(); i++) {
            Map<String, Double> part = parts.get(i).asMap();
            for (IqmDefinition d : features.get(i).definitions()) {
                if (!part.containsKey(d.key())) {
                    throw new IllegalStateException(features.get(i).getClass().getSimpleName() + " did not compute " + d.key());
                }
            }
            all.putAll(part);
        }
        return all;
    }
}
