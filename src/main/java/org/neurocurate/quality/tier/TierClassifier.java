package org.neurocurate.quality.tier;

/**
 * The usable-vs-unusable classifier: a random forest, optionally averaged with boosted trees. Its
 * score is the mean of the members' class-balanced probabilities of "usable" (uncalibrated).
 *
 * @param forest    the random forest
 * @param boosting  boosted trees, or null for a forest alone
 */
public record TierClassifier(RandomForest forest, BoostedTrees boosting) {

    public double score(double[] x) {
        double p = forest.probability(x);
        return boosting == null ? p : 0.5 * (p + boosting.probability(x));
    }

    /** Fits the members on feature vectors and labels (true = usable). */
    public static TierClassifier fit(double[][] x, boolean[] usable, TierTrainingConfig config) {
        RandomForest forest = ForestTrainer.train(x, usable, config.forest().withSeed(config.seed()));
        BoostedTrees boosted = config.boosting() == null ? null
                : BoostingTrainer.train(x, usable, config.boosting().withSeed(config.seed() + 1));
        return new TierClassifier(forest, boosted);
    }
}
