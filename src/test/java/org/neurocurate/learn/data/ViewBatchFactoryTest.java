package org.neurocurate.learn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neurocurate.learn.GeneratedCohort;
import org.neurocurate.learn.data.augment.AugmentationPipeline;

class ViewBatchFactoryTest {

    /** 12 scans: 8 of tier 1, 3 of tier 3, 1 of tier 5. */
    private static ContrastiveDataset tiered() {
        InMemoryDataset d = GeneratedCohort.make(12, 8, 1);
        int[] tiers = {1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 5};
        return new ContrastiveDataset() {
            public int size() { return d.size(); }
            public int[] shape() { return d.shape(); }
            public FloatGrid grid(int i) { return d.grid(i); }
            public double y(int i) { return d.y(i); }
            public double weight(int i) { return d.weight(i); }
            public String id(int i) { return d.id(i); }
            @Override
            public int tier(int i) { return tiers[i]; }
        };
    }

    @Test
    void stratifiedBatchesDrawEveryTierEvenlyWithoutRepeats() {
        ContrastiveDataset d = tiered();
        ViewBatchFactory f = new ViewBatchFactory(d, AugmentationPipeline.none(), 6, 3, 1, true);
        for (long step = 1; step <= 20; step++) {
            int[] idx = f.indices(step);
            int[] count = new int[6];
            for (int i : idx) {
                count[d.tier(i)]++;
            }
            assertEquals(6, Arrays.stream(idx).distinct().count(), "no scan twice in a batch");
            // 6 slots over 3 strata: 2 each, except tier 5 has a single scan, so its second turn passes on
            assertEquals(1, count[5]);
            assertTrue(count[3] >= 2 && count[1] >= 2, Arrays.toString(count));
        }
        assertArrayEquals(f.indices(7), new ViewBatchFactory(d, AugmentationPipeline.none(), 6, 3, 1, true).indices(7));
    }

    @Test
    void uniformBatchesFollowTheTiersProportions() {
        ContrastiveDataset d = tiered();
        ViewBatchFactory f = new ViewBatchFactory(d, AugmentationPipeline.none(), 6, 3, 1, false);
        int tier5 = 0;
        for (long step = 1; step <= 200; step++) {
            for (int i : f.indices(step)) {
                tier5 += d.tier(i) == 5 ? 1 : 0;
            }
        }
        // P(scan 11 in a batch of 6 of 12) = 1/2: 100 of 200 expected, sd ≈ 7
        assertEquals(100, tier5, 25);
    }
}
