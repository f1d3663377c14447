package org.neurocurate.learn.data;

import java.util.List;

/**
 * Grids held in memory: small generated cohorts in tests and the benchmark. Real training reads
 * {@link CachedDataset} so that only one volume per worker is in memory.
 *
 * @param grids the scans, all of one shape
 * @param ys the continuous variable per scan
 * @param weights per-scan weights
 */
public record InMemoryDataset(List<FloatGrid> grids, double[] ys, double[] weights) implements ContrastiveDataset {

    public InMemoryDataset {
        grids = List.copyOf(grids);
        if (grids.isEmpty() || ys.length != grids.size() || weights.length != grids.size()) {
            throw new IllegalArgumentException("need one y and one weight per grid, and at least one grid");
        }
        FloatGrid g0 = grids.get(0);
        for (FloatGrid g : grids) {
            if (g.nx() != g0.nx() || g.ny() != g0.ny() || g.nz() != g0.nz()) {
                throw new IllegalArgumentException("all grids must share one shape");
            }
        }
        ys = ys.clone();
        weights = weights.clone();
    }

    @Override
    public int size() {
        return grids.size();
    }

    @Override
    public int[] shape() {
        FloatGrid g = grids.get(0);
        return new int[] {g.nx(), g.ny(), g.nz()};
    }

    @Override
    public FloatGrid grid(int i) {
        return grids.get(i);
    }

    @Override
    public double y(int i) {
        return ys[i];
    }

    @Override
    public double weight(int i) {
        return weights[i];
    }

    @Override
    public String id(int i) {
        return "grid-" + i;
    }
}
