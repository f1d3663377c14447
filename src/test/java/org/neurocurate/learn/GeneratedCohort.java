package org.neurocurate.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.neurocurate.learn.data.FloatGrid;
import org.neurocurate.learn.data.InMemoryDataset;

/**
 * A tiny generated cohort for the learn tests: an ellipsoidal "head" (intensity ~0.8) with a
 * dark central "ventricle" whose radius grows with age (20–80 years), a brighter rim that thins
 * with age, random position jitter and noise. Age is therefore visible in the images, as atrophy is.
 */
public final class GeneratedCohort {

    private GeneratedCohort() {
    }

    public static InMemoryDataset make(int count, int size, long seed) {
        Random r = new Random(seed);
        List<FloatGrid> grids = new ArrayList<>();
        double[] ages = new double[count];
        double[] weights = new double[count];
        for (int s = 0; s < count; s++) {
            ages[s] = 20 + 60 * r.nextDouble();
            weights[s] = 1;
            grids.add(volume(size, ages[s], r));
        }
        return new InMemoryDataset(grids, ages, weights);
    }

    private static FloatGrid volume(int n, double age, Random r) {
        FloatGrid g = FloatGrid.zeros(n, n, n);
        double c = (n - 1) / 2.0;
        double jx = r.nextGaussian();
        double jy = r.nextGaussian();
        double head = 0.42 * n;
        double ventricle = (0.08 + 0.20 * (age - 20) / 60) * n;
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = x - c - jx;
                    double dy = (y - c - jy) / 1.1;
                    double dz = z - c;
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    double v = 0;
                    if (d < head) {
                        v = d > head - 2 ? 1.0 : 0.8;
                        if (d < ventricle) {
                            v = 0.2;
                        }
                    }
                    g.data()[g.index(x, y, z)] = (float) (v + 0.03 * r.nextGaussian());
                }
            }
        }
        return g;
    }
}
