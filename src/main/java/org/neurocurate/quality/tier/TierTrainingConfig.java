package org.neurocurate.quality.tier;

/**
 * How a tier classifier is trained. The defaults were fixed from a small set of variants compared on the
 * LOSO mean AUC and confirmed by a nested LOSO (both listed in the package documentation); they are not
 * tuned per site.
 *
 * @param minSiteScans   smallest site scaled against itself (see {@link SiteScaling})
 * @param forest         random forest settings (its seed is replaced by {@code seed})
 * @param boosting       boosted-trees settings averaged with the forest, or null for a forest alone
 * @param mriqcFeatures  true: MRIQC's feature set (all IQMs but size_* and spacing_*, site-wise only);
 *                       false: {@link FeatureSpec#fromColumns}
 * @param rater          ratings column used as the label
 * @param seed           seed of all random draws
 */
public record TierTrainingConfig(int minSiteScans, ForestConfig forest, BoostingConfig boosting,
                                 boolean mriqcFeatures, String rater, long seed) {

    /** The default seed of the shipped model. */
    public static final long DEFAULT_SEED = 20170901L;

    /** Independently subsampled boosting runs averaged in the default (see {@link BoostingTrainer}). */
    static final int BOOSTING_MEMBERS = 5;

    /**
     * NeuroCurate's classifier: a balanced forest (400 trees, depth 10, min leaf 5, mtry sqrt(p)) averaged
     * with Newton-boosted depth-2 trees (300 rounds, learning rate 0.05, subsample 0.8, λ = 1) that learn
     * to rank usable above unusable scans within each training site, every site weighing the same
     * ({@link BoostingConfig.Loss#SITE_PAIRWISE}; intercept by the class-balanced logistic loss), averaged
     * over {@value #BOOSTING_MEMBERS} runs with independent row subsamples so the result does not hinge on
     * the seed.
     */
    public static TierTrainingConfig defaults() {
        return new TierTrainingConfig(FeatureSpec.DEFAULT_MIN_SITE_SCANS,
                new ForestConfig(400, 10, 5, 0, true, DEFAULT_SEED),
                new BoostingConfig(300, 2, 10, 0.05, 0.8, 1.0, true, DEFAULT_SEED, BoostingConfig.Loss.SITE_PAIRWISE,
                        BOOSTING_MEMBERS),
                false, ExpertRatings.DEFAULT_RATER, DEFAULT_SEED);
    }

    /**
     * The MRIQC-style reference (Esteban et al. 2017): site-wise median/IQR scaling, size_* and spacing_*
     * dropped, 400 trees, depth 10, min leaf 10, balanced classes.
     */
    public static TierTrainingConfig mriqcStyle() {
        return new TierTrainingConfig(FeatureSpec.DEFAULT_MIN_SITE_SCANS, ForestConfig.mriqcStyle(DEFAULT_SEED),
                null, true, ExpertRatings.DEFAULT_RATER, DEFAULT_SEED);
    }

    public TierTrainingConfig withSeed(long newSeed) {
        return new TierTrainingConfig(minSiteScans, forest, boosting, mriqcFeatures, rater, newSeed);
    }

    /** The same settings, learning from another rater's column of the ratings table. */
    public TierTrainingConfig withRater(String newRater) {
        return new TierTrainingConfig(minSiteScans, forest, boosting, mriqcFeatures, newRater, seed);
    }

    public TierTrainingConfig withForest(ForestConfig newForest) {
        return new TierTrainingConfig(minSiteScans, newForest, boosting, mriqcFeatures, rater, seed);
    }

    /** The same settings with other boosted trees averaged with the forest (null: the forest alone). */
    public TierTrainingConfig withBoosting(BoostingConfig newBoosting) {
        return new TierTrainingConfig(minSiteScans, forest, newBoosting, mriqcFeatures, rater, seed);
    }

    /** The feature spec this config uses for a table's columns. */
    public FeatureSpec featureSpec(java.util.List<String> columns) {
        if (!mriqcFeatures) {
            return FeatureSpec.fromColumns(columns, minSiteScans);
        }
        java.util.List<String> iqms = columns.stream()
                .filter(c -> !c.startsWith("size_") && !c.startsWith("spacing_")).toList();
        return new FeatureSpec(iqms, java.util.List.of(), minSiteScans);
    }
}
