package org.neurocurate.synth;

import java.util.List;

import org.neurocurate.artifact.ArtifactParams;
import org.neurocurate.volume.Volume;

/**
 * One scan as a site would deliver it, with how it was made.
 *
 * @param image int16 image (slope 1) on the site grid
 * @param protocol acquisition parameters (go into the BIDS sidecar)
 * @param siteSteps what every scan of the site gets: bias field, Rician noise, defacing — with parameters
 * @param artifacts the random artifacts this scan was given, with parameters, in the order applied
 * @param plan the planned artifacts and severities (the ground truth the tier derives from)
 * @param defaced whether the face was removed
 * @param skullStripped whether everything outside the intracranial mask was zeroed
 */
public record SimulatedScan(Volume image, Protocol protocol, List<Step> siteSteps, List<Step> artifacts,
        List<PlannedArtifact> plan, boolean defaced, boolean skullStripped) {

    public SimulatedScan {
        siteSteps = List.copyOf(siteSteps);
        artifacts = List.copyOf(artifacts);
        plan = List.copyOf(plan);
    }

    /** True quality tier, see {@link QualityTier}. */
    public int tier() {
        return QualityTier.of(plan);
    }

    /**
     * One artifact simulation step.
     *
     * @param key artifact key
     * @param params the parameters used (a record of the artifact's class)
     */
    public record Step(String key, ArtifactParams params) {
    }
}
