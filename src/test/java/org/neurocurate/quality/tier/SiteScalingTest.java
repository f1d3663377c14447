package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteScalingTest {

    @Test
    void largeSitesAreScaledAgainstThemselvesSmallOnesAgainstGlobal() {
        List<String> sites = new ArrayList<>();
        double[][] raw = new double[13][1];
        for (int i = 0; i < 10; i++) {
            sites.add("A");
            raw[i][0] = 100 + i; // median 104.5, IQR 4.5 (numpy linear quantiles)
        }
        for (int i = 10; i < 13; i++) {
            sites.add("B");
            raw[i][0] = 5;
        }
        RobustReference global = new RobustReference(new double[] {0}, new double[] {2}, 100);
        RobustReference[] refs = SiteScaling.references(raw, sites, 10, global);
        double[][] z = SiteScaling.scale(raw, refs);
        assertEquals((100 - 104.5) / 4.5, z[0][0], 1e-12);
        assertSame(global, refs[12], "site B has 3 < 10 scans");
        assertEquals(2.5, z[12][0], 1e-12);
    }

    @Test
    void zeroIqrTakesTheFallbackScaleAndMissingBecomesTheMedian() {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new double[] {i < 11 ? 0 : 0.5}); // qi_1-like: almost always 0
        }
        RobustReference fallback = new RobustReference(new double[] {0}, new double[] {0.01}, 1000);
        RobustReference r = RobustReference.of(rows, 1, fallback);
        assertEquals(0.01, r.scale()[0]);
        double[][] z = SiteScaling.scale(new double[][] {{Double.NaN}}, new RobustReference[] {r});
        assertEquals(0, z[0][0]);
    }

    @Test
    void tableWithoutSitesIsOneGroup() {
        double[][] raw = new double[12][];
        for (int i = 0; i < 12; i++) {
            raw[i] = new double[] {i};
        }
        List<String> none = Arrays.asList(new String[12]);
        RobustReference global = new RobustReference(new double[] {100}, new double[] {1}, 5);
        RobustReference[] refs = SiteScaling.references(raw, none, 10, global);
        assertEquals(5.5, refs[0].median()[0], 1e-12, "the whole table is the reference");
    }
}
