package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTieringTest {

    @Test
    void cleanScansLandInTiersFourAndFiveAndDegradedOnesLower() {
        var rated = SyntheticIqms.generate(3, 60, 0.1, 6, 21);
        List<TierAssignment> tiers = RuleTiering.tier(rated.table(), 10);
        int clean = 0;
        int cleanHigh = 0;
        int bad = 0;
        int badLow = 0;
        for (int i = 0; i < tiers.size(); i++) {
            if (rated.usable()[i]) {
                clean++;
                cleanHigh += tiers.get(i).tier() >= 4 ? 1 : 0;
            } else {
                bad++;
                badLow += tiers.get(i).tier() <= 3 ? 1 : 0;
            }
        }
        // the bar for clean scans is 90% in tiers 4-5; degraded by 6 IQRs on 5 IQMs, most fall to <= 3
        assertTrue(cleanHigh >= 0.9 * clean, cleanHigh + " of " + clean + " clean scans in tiers 4-5");
        assertTrue(badLow >= 0.8 * bad, badLow + " of " + bad + " degraded scans in tiers 1-3");
    }

    @Test
    void reasonNamesTheDegradedIqmAndSaysRuleBased() {
        var rated = SyntheticIqms.generate(1, 40, 0, 0, 5);
        double[][] v = rated.table().values();
        int efc = rated.table().columnIndex("efc");
        v[0][efc] += 100; // far above any site spread
        List<TierAssignment> tiers = RuleTiering.tier(rated.table(), 10);
        assertEquals(1, tiers.get(0).tier());
        assertTrue(tiers.get(0).reason().contains("efc=") && tiers.get(0).reason().contains("far above the site norm of S0")
                && tiers.get(0).reason().endsWith("[rule-based]"), tiers.get(0).reason());
        assertTrue(Double.isNaN(tiers.get(0).pUsable()), "rules give no probability");
    }

    @Test
    void bandsAreContiguous() {
        assertEquals(5, RuleTiering.tierOf(1.99));
        assertEquals(4, RuleTiering.tierOf(2));
        assertEquals(2, RuleTiering.tierOf(5.9));
        assertEquals(1, RuleTiering.tierOf(6));
    }
}
