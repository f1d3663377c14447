package org.neurocurate.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neurocurate.artifact.Artifact;
import org.neurocurate.artifact.Artifacts;

/**
 * An artifact chosen for one scan, with its severity.
 *
 * @param key artifact key (see {@link Artifacts})
 * @param severity in [0, 1]
 */
public record PlannedArtifact(String key, double severity) {

    public PlannedArtifact {
        if (Artifacts.byKey(key).isEmpty()) {
            throw new IllegalArgumentException("unknown artifact '" + key + "'");
        }
        Artifact.checkSeverity(severity);
    }

    /** Artifacts a scan can get at random; defacing is a site policy, not a random defect. */
    public static final List<String> CANDIDATES = Artifacts.ALL.stream().map(Artifact::key)
            .filter(k -> !k.equals("deface")).toList();

    /**
     * The artifacts of one scan: with probability {@code rate} the scan is corrupted, by one artifact
     * (or, one time in four, two different ones) drawn uniformly from {@link #CANDIDATES}, each with a
     * severity uniform in [0.1, 1] rounded to 0.01.
     */
    public static List<PlannedArtifact> sample(Random r, double rate) {
        List<PlannedArtifact> out = new ArrayList<>();
        if (r.nextDouble() >= rate) {
            return out;
        }
        int count = r.nextDouble() < 0.25 ? 2 : 1;
        List<String> pool = new ArrayList<>(CANDIDATES);
        for (int a = 0; a < count; a++) {
            String key = pool.remove(r.nextInt(pool.size()));
            out.add(new PlannedArtifact(key, Math.round((0.1 + 0.9 * r.nextDouble()) * 100) / 100.0));
        }
        return out;
    }
}
