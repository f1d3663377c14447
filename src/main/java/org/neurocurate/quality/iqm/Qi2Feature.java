package org.neurocurate.quality.iqm;

import java.util.List;

/**
 * {@code qi_2}: Mortamet's second quality index, the goodness of fit of a χ² model to the air-mask
 * intensity distribution (mriqc/qc/anatomical.py {@code art_qi2}; Mortamet et al., MRM 62(2):365–372,
 * 2009). Lower is better.
 *
 * <p>Air values x (image inside the air mask, negatives and NaN as 0) are scaled by 100/P<sub>99</sub>(x);
 * with at least 300 000 of them, 300 000 are drawn with replacement by numpy's legacy generator seeded
 * 1191935. A Gaussian KDE (bandwidth 4) is evaluated on 1000 points of [0, 110], a χ² is fitted by
 * maximum likelihood (ν starting at 32 coil elements), and qi_2 = mean |KDE − χ²pdf| over the grid's
 * tail beyond the last point where the KDE exceeds half its maximum (the whole grid if the last point
 * already does). Fewer than 1000 positive air voxels: 0, as MRIQC returns.
 */
public final class Qi2Feature implements IqmFeature {

    static final int MIN_VOXELS = 1000;
    static final int MAX_VOXELS = 300_000;
    static final long SEED = 1191935;
    static final double BANDWIDTH = 4.0;
    static final double COIL_ELEMENTS = 32;
    static final int GRID_POINTS = 1000;
    static final double GRID_MAX = 110;

    @Override
    public List<IqmDefinition> definitions() {
        return List.of(IqmDefinition.of("qi_2", Direction.LOWER_IS_BETTER,
                "mean |KDE - chi2 fit| over the upper tail of the air-mask intensity distribution (Mortamet 2009)"));
    }

    @Override
    public void compute(IqmContext context, IqmValues out) {
        out.put("qi_2", qi2(context.image(), context.inputs().airMask(), context.inputs().dims()));
    }

    /**
     * @param dims grid size (i, j, k): air values are gathered in numpy's C order of an (i, j, k) array
     *             (k fastest), as {@code img[airmask > 0]} lists them in MRIQC, so the seeded subsample
     *             picks the same voxels
     */
    static double qi2(float[] image, boolean[] air, int[] dims) {
        int count = 0;
        int positive = 0;
        for (int i = 0; i < air.length; i++) {
            if (air[i]) {
                count++;
                if (image[i] > 0) {
                    positive++;
                }
            }
        }
        if (positive < MIN_VOXELS) {
            return 0.0;
        }
        double[] data = inCOrder(image, air, dims);
        double factor = 100 / OrderStatistics.percentile(data.clone(), count, 99);
        for (int i = 0; i < count; i++) {
            data[i] *= factor;
        }
        double[] model = count < MAX_VOXELS ? data : subsample(data);
        double[] grid = linspace(0, GRID_MAX, GRID_POINTS);
        double[] kde = GaussianKde.evaluate(model, BANDWIDTH, grid);
        double[] p = Chi2Fit.fit(model, COIL_ELEMENTS);
        return tailMismatch(kde, grid, p);
    }

    /**
     * The air values in numpy's C order of an (i, j, k) array: by column (i, j), i slowest, then k. The
     * image is read in its own order (i fastest) and each value written to its column's next slot, the
     * columns' starts counted first: reading column by column would stride a whole slice per value.
     */
    static double[] inCOrder(float[] image, boolean[] air, int[] dims) {
        int nx = dims[0];
        int ny = dims[1];
        int[] next = new int[nx * ny];
        for (int v = 0, z = 0; z < dims[2]; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (air[v]) {
                        next[x * ny + y]++;
                    }
                }
            }
        }
        int start = 0;
        for (int c = 0; c < next.length; c++) {
            int size = next[c];
            next[c] = start;
            start += size;
        }
        double[] data = new double[start];
        for (int v = 0, z = 0; z < dims[2]; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (air[v]) {
                        data[next[x * ny + y]++] = image[v];
                    }
                }
            }
        }
        return data;
    }

    private static double tailMismatch(double[] kde, double[] grid, double[] chi2) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : kde) {
            max = Math.max(max, v);
        }
        int tail = 0;
        while (tail < kde.length && !(kde[kde.length - 1 - tail] > max * 0.5)) {
            tail++;
        }
        if (tail == kde.length || tail == 0) {
            tail = kde.length;
        }
        double sum = 0;
        for (int g = kde.length - tail; g < kde.length; g++) {
            sum += Math.abs(kde[g] - Chi2Fit.pdf(grid[g], chi2[0], chi2[1], chi2[2]));
        }
        return sum / tail;
    }

    private static double[] subsample(double[] data) {
        LegacyNumpyRandom random = new LegacyNumpyRandom(SEED);
        double[] out = new double[MAX_VOXELS];
        for (int i = 0; i < MAX_VOXELS; i++) {
            out[i] = data[(int) random.nextIndex(data.length)];
        }
        return out;
    }

    /** {@code np.linspace(start, stop, num)}: start + i·step, the last point exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] out = new double[num];
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }
}
