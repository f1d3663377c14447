package org.neurocurate.quality.tier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usable-vs-unusable classifier: a random forest, optionally averaged with boosted trees. Its
 * score is the mean of the members' probabilities of "usable" (uncalibrated): the forest's
 * class-balanced leaf fraction and the boosted trees' logistic output, whose intercept puts 0.5 at the
 * class-balanced decision point whatever their loss (see {@link BoostingTrainer}).
 *
 * @param forest    the random forest
 * @param boosting  boosted trees, or null for a forest alone
 */
public record TierClassifier(RandomForest forest, BoostedTrees boosting) {

    public double score(double[] x) {
        double p = forest.probability(x);
        return boosting == null ? p : 0.5 * (p + boosting.probability(x));
    }

    /**
     * Fits the members on feature vectors and labels (true = usable).
     *
     * @param sites  the site of each row (null entries form one group); the site-pairwise boosting loss
     *               compares rows of the same site only
     */
    public static TierClassifier fit(double[][] x, boolean[] usable, List<String> sites, TierTrainingConfig config) {
        RandomForest forest = ForestTrainer.train(x, usable, config.forest().withSeed(config.seed()));
        BoostedTrees boosted = config.boosting() == null ? null
                : BoostingTrainer.train(x, usable, groups(sites), config.boosting().withSeed(config.seed() + 1));
        return new TierClassifier(forest, boosted);
    }

    /** Site index per row, numbered in order of first appearance. */
    private static int[] groups(List<String> sites) {
        Map<String, Integer> index = new HashMap<>();
        int[] g = new int[sites.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = index.computeIfAbsent(sites.get(i) == null ? "" : sites.get(i), k -> index.size());
        }
        return g;
    }
}
