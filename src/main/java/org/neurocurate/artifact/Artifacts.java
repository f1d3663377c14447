package org.neurocurate.artifact;

import java.util.List;
import java.util.Optional;

/** The artifact simulators NeuroCurate ships, by key. */
public final class Artifacts {

    /** Every artifact, in a fixed order (ground-truth tables and menus list them so). */
    public static final List<Artifact<?>> ALL = List.of(new Motion(), new Ghosting(), new Spike(), new BiasField(),
            new GaussianNoise(), new RicianNoise(), new Blur(), new GibbsRinging(), new SignalDropout(), new Defacing());

    private Artifacts() {
    }

    /** The artifact with this key, if any. */
    public static Optional<Artifact<?>> byKey(String key) {
        return ALL.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /**
     * The one call behind every face's "simulate artifact": the artifact {@code key} at {@code severity},
     * parameters drawn from {@code seed}.
     *
     * @throws IllegalArgumentException for an unknown key (the message lists the known ones) or a severity outside [0, 1]
     */
    public static Applied<?> simulate(org.neurocurate.volume.Volume volume, String key, double severity, long seed) {
        Artifact<?> a = byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown artifact '" + key
                + "'; known: " + String.join(", ", ALL.stream().map(Artifact::key).toList())));
        return sampleAndApply(a, volume, severity, new java.util.Random(seed));
    }

    /** Samples parameters for {@code severity} and applies them: one call for callers that hold an {@code Artifact<?>}. */
    public static <P extends ArtifactParams> Applied<P> sampleAndApply(Artifact<P> artifact,
            org.neurocurate.volume.Volume volume, double severity, java.util.Random random) {
        P p = artifact.sample(severity, random);
        return new Applied<>(artifact.key(), p, artifact.apply(volume, p));
    }

    /**
     * An artifact applied: its key, the parameters drawn, and the resulting volume.
     *
     * @param <P> parameters type
     */
    public record Applied<P extends ArtifactParams>(String key, P params, org.neurocurate.volume.Volume volume) {
    }
}
