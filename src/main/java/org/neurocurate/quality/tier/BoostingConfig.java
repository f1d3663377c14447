package org.neurocurate.quality.tier;

/**
 * Gradient boosting settings (Friedman 2001, Ann. Stat. 29:1189; second-order leaves and gain as
 * XGBoost, Chen and Guestrin 2016) for the logistic loss.
 *
 * @param rounds        number of trees
 * @param maxDepth      depth limit of each tree
 * @param minLeaf       minimum number of rows in a leaf
 * @param learningRate  shrinkage of each tree's output, (0, 1]
 * @param subsample     fraction of rows drawn (without replacement) for each tree, (0, 1]
 * @param lambda        L2 penalty on leaf values (>= 0)
 * @param balanced      weight classes by n / (2 n_class)
 * @param seed          seed of the row subsampling
 */
public record BoostingConfig(int rounds, int maxDepth, int minLeaf, double learningRate, double subsample,
                             double lambda, boolean balanced, long seed) {

    public BoostingConfig {
        if (rounds < 1 || maxDepth < 1 || minLeaf < 1 || !(learningRate > 0 && learningRate <= 1)
                || !(subsample > 0 && subsample <= 1) || lambda < 0) {
            throw new IllegalArgumentException("invalid boosting settings");
        }
    }

    public BoostingConfig withSeed(long newSeed) {
        return new BoostingConfig(rounds, maxDepth, minLeaf, learningRate, subsample, lambda, balanced, newSeed);
    }
}
