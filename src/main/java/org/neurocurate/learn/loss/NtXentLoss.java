package org.neurocurate.learn.loss;

/**
 * NT-Xent, the normalised-temperature cross-entropy of SimCLR (Chen et al., "A Simple Framework
 * for Contrastive Learning of Visual Representations", ICML 2020), also called InfoNCE: each
 * anchor's only positive is the other view of the same subject, W_{i,i±N} = 1.
 *
 * @param temperature τ (SimCLR uses 0.1–0.5; y-Aware's experiments 0.1)
 */
public record NtXentLoss(double temperature) implements ContrastiveLoss {

    public NtXentLoss {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
    }

    @Override
    public String key() {
        return "simclr";
    }

    @Override
    public double[][] targets(int n, BatchLabels labels) {
        double[][] w = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            w[i][i + n] = 1;
            w[i + n][i] = 1;
        }
        return w;
    }
}
