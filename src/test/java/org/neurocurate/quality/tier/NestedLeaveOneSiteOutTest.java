package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurocurate.progress.ProgressListener;

class NestedLeaveOneSiteOutTest {

    @Test
    void innerLosoPicksTheCandidateThatGeneralisesForEverySite() {
        var rated = SyntheticIqms.generate(4, 30, 0.25, 4, 8);
        TierTrainingConfig base = TierTrainingConfig.defaults();
        // a depth-0 forest is a constant: inner AUC 0.5, it must never be chosen over a real forest
        TierTrainingConfig constant = new TierTrainingConfig(10, new ForestConfig(5, 0, 5, 0, true, 1), null, false, base.rater(), 1);
        TierTrainingConfig forest = new TierTrainingConfig(10, new ForestConfig(20, 6, 3, 0, true, 1), null, false, base.rater(), 1);
        var result = NestedLeaveOneSiteOut.scores(rated, List.of(constant, forest), 3, ProgressListener.NONE);
        assertEquals(List.of(1, 1, 1, 1), result.chosen());
        double auc = RankMetrics.auc(result.scores(), rated.usable());
        // degraded scans are 4 site-IQRs off on five IQMs; a forest separates them on unseen sites
        assertTrue(auc > 0.9, "outer AUC " + auc);
    }
}
