package org.neurocurate.quality.tier;

/**
 * Gradient boosting settings (Friedman 2001, Ann. Stat. 29:1189; second-order leaves and gain as
 * XGBoost, Chen and Guestrin 2016).
 *
 * @param rounds        number of trees
 * @param maxDepth      depth limit of each tree
 * @param minLeaf       minimum number of rows in a leaf
 * @param learningRate  shrinkage of each tree's output, (0, 1]
 * @param subsample     fraction of rows drawn (without replacement) for each tree, (0, 1]
 * @param lambda        L2 penalty on leaf values (>= 0)
 * @param balanced      weight classes by n / (2 n_class) (in the pairwise loss: in its intercept only)
 * @param seed          seed of the row subsampling
 * @param loss          the loss the trees descend
 * @param members       number of boosting runs with independent row subsamples whose log-odds are averaged
 *                      (subsample bagging, to cut the variance due to the seed); 1: a single run
 */
public record BoostingConfig(int rounds, int maxDepth, int minLeaf, double learningRate, double subsample,
                             double lambda, boolean balanced, long seed, Loss loss, int members) {

    /** What boosting minimises. */
    public enum Loss {
        /** The (class-weighted) logistic loss of each row's label. */
        LOGISTIC,
        /**
         * The logistic loss of every (usable, unusable) pair of rows from the same site, each site's pairs
         * weighing the same in total: a smooth surrogate of the mean per-site AUC (RankNet, Burges et al.
         * 2005, ICML), so a scan is learned relative to the scans of its own site and large sites do not
         * dominate. See {@link BoostingTrainer}.
         */
        SITE_PAIRWISE
    }

    public BoostingConfig {
        if (rounds < 1 || maxDepth < 1 || minLeaf < 1 || !(learningRate > 0 && learningRate <= 1)
                || !(subsample > 0 && subsample <= 1) || lambda < 0 || loss == null || members < 1) {
            throw new IllegalArgumentException("invalid boosting settings");
        }
    }

    /** A single boosting run. */
    public BoostingConfig(int rounds, int maxDepth, int minLeaf, double learningRate, double subsample,
                          double lambda, boolean balanced, long seed, Loss loss) {
        this(rounds, maxDepth, minLeaf, learningRate, subsample, lambda, balanced, seed, loss, 1);
    }

    public BoostingConfig withSeed(long newSeed) {
        return new BoostingConfig(rounds, maxDepth, minLeaf, learningRate, subsample, lambda, balanced, newSeed, loss, members);
    }

    /** The same settings minimising another loss. */
    public BoostingConfig withLoss(Loss newLoss) {
        return new BoostingConfig(rounds, maxDepth, minLeaf, learningRate, subsample, lambda, balanced, seed, newLoss, members);
    }

    /** The same settings averaging another number of independently subsampled runs. */
    public BoostingConfig withMembers(int newMembers) {
        return new BoostingConfig(rounds, maxDepth, minLeaf, learningRate, subsample, lambda, balanced, seed, loss, newMembers);
    }
}
