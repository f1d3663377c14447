package org.neurocurate.learn.model;

import java.util.List;
import java.util.Map;

/**
 * What model.json records next to the parameters: enough to rebuild the network, feed it the same
 * inputs, and know how and on what it was trained.
 *
 * @param format file format tag, {@value #FORMAT}
 * @param encoder architecture and sizes
 * @param grid training grid (x, y, z voxels)
 * @param spacingMm grid spacing (mm) along x, y, z
 * @param normalisation how intensities were normalised before training (human-readable and stable)
 * @param training training settings (objective, τ, σ, optimiser, learning rate, steps, batch …)
 * @param provenance which scans, which tiers, which seed
 * @param stepsDone optimiser steps completed
 * @param finalLoss mean loss of the last logged steps (NaN before training)
 */
public record ModelCard(String format, EncoderConfig encoder, long[] grid, double[] spacingMm,
        String normalisation, Map<String, String> training, Provenance provenance, long stepsDone,
        double finalLoss) {

    public static final String FORMAT = "neurocurate-encoder/1";

    /**
     * @param scans source paths of the scans trained on
     * @param tiers quality tiers selected (empty = all)
     * @param seed the run's seed
     */
    public record Provenance(List<String> scans, List<Integer> tiers, long seed) {

        public Provenance {
            scans = List.copyOf(scans);
            tiers = List.copyOf(tiers);
        }
    }

    public ModelCard {
        grid = grid.clone();
        spacingMm = spacingMm.clone();
        training = Map.copyOf(training);
    }

    @Override
    public long[] grid() {
        return grid.clone();
    }

    @Override
    public double[] spacingMm() {
        return spacingMm.clone();
    }

    /** The grid as (z, y, x), the order of the network's spatial axes. */
    public long[] gridZyx() {
        return new long[] {grid[2], grid[1], grid[0]};
    }
}
