package org.neurocurate.quality.tier;

import java.nio.file.Path;

/**
 * How {@link Tiers#predict} tiers a table.
 *
 * @param model         a model file, or null for the shipped default model
 * @param modality      the table's modality (BIDS suffix); rules unless it is the model's; null: the model's
 * @param rulesOnly     use the rule-based tiers even when a model applies
 * @param minCoverage   below this fraction of the model's IQMs present as columns, fall back to rules
 * @param minSiteScans  smallest site scaled against itself in the rule-based tiers
 */
public record TierPredictConfig(Path model, String modality, boolean rulesOnly, double minCoverage, int minSiteScans) {

    public static TierPredictConfig defaults() {
        return new TierPredictConfig(null, null, false, 0.5, FeatureSpec.DEFAULT_MIN_SITE_SCANS);
    }

    public TierPredictConfig withModel(Path m) {
        return new TierPredictConfig(m, modality, rulesOnly, minCoverage, minSiteScans);
    }

    public TierPredictConfig withModality(String m) {
        return new TierPredictConfig(model, m, rulesOnly, minCoverage, minSiteScans);
    }

    public TierPredictConfig withRulesOnly(boolean r) {
        return new TierPredictConfig(model, modality, r, minCoverage, minSiteScans);
    }
}
