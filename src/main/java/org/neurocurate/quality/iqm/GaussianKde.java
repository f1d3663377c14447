package org.neurocurate.quality.iqm;

/**
 * Gaussian kernel density estimate on a grid, as scikit-learn's {@code KernelDensity(kernel="gaussian",
 * bandwidth=h).score_samples} exponentiated: p(x) = 1/(n·h·√(2π)) Σ<sub>i</sub> exp(−(x − x<sub>i</sub>)²/(2h²)).
 *
 * <p>Samples are first spread onto a fine regular bin lattice by linear binning (each sample splits its
 * unit weight between the two nearest bin centres), then the kernel is summed over bins within 12 h of
 * each grid point. With a bin width of h/200 the binning error is below 1e−5 of the density
 * (second-order in width/h; Wand &amp; Jones, Kernel Smoothing, 1995, §D), and samples farther than 12 h
 * contribute less than e<sup>−72</sup>; the cost is O(n + grid·bins) instead of O(n·grid).
 */
final class GaussianKde {

    private static final double SUPPORT_BANDWIDTHS = 12;
    private static final double BINS_PER_BANDWIDTH = 200;

    private GaussianKde() {
    }

    static double[] evaluate(double[] samples, double bandwidth, double[] grid) {
        double lo = grid[0] - SUPPORT_BANDWIDTHS * bandwidth;
        double hi = grid[grid.length - 1] + SUPPORT_BANDWIDTHS * bandwidth;
        double width = bandwidth / BINS_PER_BANDWIDTH;
        int bins = (int) Math.ceil((hi - lo) / width) + 2;
        double[] weight = new double[bins];
        for (double x : samples) {
            double pos = (x - lo) / width;
            if (pos < 0 || pos >= bins - 1) {
                continue;
            }
            int b = (int) pos;
            double frac = pos - b;
            weight[b] += 1 - frac;
            weight[b + 1] += frac;
        }
        double norm = 1.0 / (samples.length * bandwidth * Math.sqrt(2 * Math.PI));
        int reach = (int) Math.ceil(SUPPORT_BANDWIDTHS * BINS_PER_BANDWIDTH);
        double[] out = new double[grid.length];
        double inv2h2 = 1.0 / (2 * bandwidth * bandwidth);
        for (int g = 0; g < grid.length; g++) {
            int centre = (int) Math.round((grid[g] - lo) / width);
            double sum = 0;
            for (int b = Math.max(0, centre - reach); b <= Math.min(bins - 1, centre + reach); b++) {
                if (weight[b] != 0) {
                    double d = grid[g] - (lo + b * width);
                    sum += weight[b] * Math.exp(-d * d * inv2h2);
                }
            }
            out[g] = sum * norm;
        }
        return out;
    }
}
