package org.neurocurate.quality.tier;

/**
 * Random forest settings (Breiman 2001, Machine Learning 45:5-32): bootstrap samples, a random subset
 * of {@code mtry} features per split, Gini impurity.
 *
 * @param trees     number of trees
 * @param maxDepth  depth limit (root at depth 0)
 * @param minLeaf   minimum number of (bootstrap) samples in a leaf
 * @param mtry      features tried per split; 0 means round(sqrt(p))
 * @param balanced  weight classes by n / (2 n_class), as scikit-learn's {@code class_weight="balanced"}
 * @param seed      seed of the bootstrap and feature draws
 */
public record ForestConfig(int trees, int maxDepth, int minLeaf, int mtry, boolean balanced, long seed) {

    /** The forest of MRIQC's reference setting: 400 trees, depth 10, min leaf 10, balanced classes. */
    public static ForestConfig mriqcStyle(long seed) {
        return new ForestConfig(400, 10, 10, 0, true, seed);
    }

    public ForestConfig {
        if (trees < 1 || maxDepth < 0 || minLeaf < 1 || mtry < 0) {
            throw new IllegalArgumentException("forest needs trees >= 1, depth >= 0, min leaf >= 1, mtry >= 0");
        }
    }

    /** The number of features tried per split for {@code p} features. */
    public int mtryFor(int p) {
        return mtry > 0 ? Math.min(mtry, p) : Math.max(1, (int) Math.round(Math.sqrt(p)));
    }

    /** The same settings with another seed. */
    public ForestConfig withSeed(long newSeed) {
        return new ForestConfig(trees, maxDepth, minLeaf, mtry, balanced, newSeed);
    }
}
