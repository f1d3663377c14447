package org.neurocurate.quality.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
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
    void tiersFallMonotonicallyWithArtifactSeverity() {
        // one site, 200 scans; severity 0..4 shifts efc and cjv up and cnr down by 1.5 IQR per level,
        // as motion does; true tier = 5 - severity. The issue asks rho >= 0.8 on generated cohorts.
        var clean = SyntheticIqms.generate(1, 200, 0, 0, 13);
        IqmTable t = clean.table();
        double[][] v = t.values();
        double[] truth = new double[v.length];
        Random r = new Random(13);
        List<String> shifted = List.of("efc", "cjv", "cnr");
        double[] iqr = shifted.stream().mapToDouble(c -> RobustStats.iqr(
                Arrays.stream(v).mapToDouble(x -> x[t.columnIndex(c)]).toArray())).toArray();
        for (int i = 0; i < v.length; i++) {
            int severity = i % 5 == 0 ? 1 + r.nextInt(4) : 0; // 80% clean, as a cohort with few artifacts
            truth[i] = 5 - severity;
            for (int k = 0; k < shifted.size(); k++) {
                v[i][t.columnIndex(shifted.get(k))] += (k == 2 ? -1 : 1) * 1.5 * severity * iqr[k];
            }
        }
        List<TierAssignment> tiers = RuleTiering.tier(t, 10);
        double rho = RankMetrics.spearman(tiers.stream().mapToDouble(TierAssignment::tier).toArray(), truth);
        assertTrue(rho >= 0.8, "Spearman rho " + rho);
    }

    @Test
    void aSmallSiteIsJudgedAgainstItsOwnLevel() {
        // site S1 has 6 scans (below minSiteScans) at its own level of every IQM, efc far above S0's:
        // against the whole table they all look degraded, against their site's median they do not
        var rated = SyntheticIqms.generate(2, 30, 0, 0, 41);
        IqmTable t = rated.table();
        int[] keep = IntStream.range(0, 36).toArray(); // 30 scans of S0, the first 6 of S1
        IqmTable small = t.subset(keep);
        for (int i = 30; i < 36; i++) {
            small.values()[i][small.columnIndex("efc")] += 10; // S1's scanner: efc far above S0's range
        }
        List<TierAssignment> own = RuleTiering.tier(small, 10);
        List<TierAssignment> pooled = RuleTiering.tier(small.withSites(Collections.nCopies(36, "all")), 10);
        long ownHigh = own.subList(30, 36).stream().filter(a -> a.tier() >= 4).count();
        long pooledHigh = pooled.subList(30, 36).stream().filter(a -> a.tier() >= 4).count();
        // the pooled within-site spread fits S1 only roughly (sites differ in spread too): allow one miss
        assertTrue(ownHigh >= 5 && pooledHigh == 0, ownHigh + " vs " + pooledHigh + " of 6 in tiers 4-5: " + pooled.get(35).reason());
        assertTrue(own.get(35).reason().contains("site norm of S1"), own.get(35).reason());
    }

    /**
     * S1, a small site (7 scans, below minSiteScans): 4 clean scans at its own efc level and 3 with efc
     * far above it. Three outliers in seven put the upper quartile on them, and a norm that starts from
     * the IQR of all seven called every scan typical (tier 5); started from twice the median absolute
     * deviation, the norm keeps the clean four.
     */
    @Test
    void aSmallSiteNearlyHalfCorruptedStillSeesItsCorruptedScans() {
        Random r = new Random(17);
        List<String> ids = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            boolean small = i >= 30;
            double efc = (small ? 0.6 : 0.5) + 0.01 * r.nextGaussian() + (i >= 34 ? 0.2 : 0);
            ids.add("sub-" + i);
            sites.add(small ? "S1" : "S0");
            rows.add(Map.of("efc", efc));
        }
        List<TierAssignment> tiers = RuleTiering.tier(IqmTable.fromMaps("bids_name", ids, sites, rows), 10);
        for (int i = 30; i < 37; i++) {
            TierAssignment a = tiers.get(i);
            if (i < 34) {
                assertTrue(a.tier() >= 4, "clean " + a.reason());
            } else {
                assertTrue(a.tier() <= 2, "corrupted " + a.reason());
                assertTrue(a.reason().contains("site norm of S1"), a.reason());
            }
        }
    }

    @Test
    void theClassifiersProbabilityIsReportedButDoesNotChangeTheTier() {
        var rated = SyntheticIqms.generate(1, 40, 0, 0, 5);
        double[][] v = rated.table().values();
        int efc = rated.table().columnIndex("efc");
        double iqr = RobustStats.iqr(Arrays.stream(v).mapToDouble(x -> x[efc]).toArray());
        v[0][efc] += 3.5 * iqr; // tier 3 by deviation alone
        v[1][efc] += 100; // tier 1
        List<TierAssignment> alone = RuleTiering.tier(rated.table(), 10);
        assertTrue(alone.get(0).tier() >= 2 && alone.get(0).tier() <= 4, "tier by deviation " + alone.get(0).tier());
        assertTrue(alone.get(0).reason().endsWith("[rule-based]"), alone.get(0).reason());
        for (double pUsable : new double[] {0.2, 0.99}) {
            double[] p = new double[v.length];
            Arrays.fill(p, pUsable);
            List<TierAssignment> with = RuleTiering.tier(rated.table(), 10, p);
            for (int i = 0; i < v.length; i++) {
                assertEquals(alone.get(i).tier(), with.get(i).tier(), with.get(i).reason());
                assertEquals(pUsable, with.get(i).pUsable());
            }
            assertTrue(with.get(0).reason().endsWith(String.format(Locale.ROOT,
                    "[IQM deviations; classifier p_usable=%.2f]", pUsable)), with.get(0).reason());
        }
    }

    @Test
    void aSitesTinySpreadOfSliceDropoutDoesNotMakeSmallValleysArtefacts() {
        // 30 clean scans of one site with slice_dropout 0.05 +- 0.004 (an IQR of 0.004, far below the
        // measure's resolution): a scan at 0.12 (a deeper anatomical valley) stays in tier 5, a slab that
        // lost half its signal (0.5) falls to tier 1, named with its value
        List<TierAssignment> tiers = oneSite(32, 3, "slice_dropout",
                (i, r) -> i == 0 ? 0.12 : i == 1 ? 0.5 : 0.05 + 0.008 * (r.nextDouble() - 0.5));
        assertEquals(5, tiers.get(0).tier(), tiers.get(0).reason());
        assertEquals(1, tiers.get(1).tier(), tiers.get(1).reason());
        assertTrue(tiers.get(1).reason().contains("slice_dropout=0.5 far above"), tiers.get(1).reason());
    }

    @Test
    void aGhostRatioIsBandedOnItsResolutionAndNamesTheAxis() {
        // 30 clean scans of one site with gsr_y 0.002 +- 0.001 (an IQR far below the ratio's resolution):
        // a scan at 0.015 (clean generated scans reach 0.008, blurred ones 0.015) stays in tier 5, one
        // at 0.07 (mild ghosting or motion) falls to tier 3, one at 0.2 to tier 1, named with its axis
        List<TierAssignment> tiers = oneSite(33, 5, "gsr_y",
                (i, r) -> i == 0 ? 0.015 : i == 1 ? 0.07 : i == 2 ? 0.2 : 0.002 + 0.002 * (r.nextDouble() - 0.5));
        assertEquals(5, tiers.get(0).tier(), tiers.get(0).reason());
        assertEquals(3, tiers.get(1).tier(), tiers.get(1).reason());
        assertEquals(1, tiers.get(2).tier(), tiers.get(2).reason());
        String reason = tiers.get(2).reason();
        assertTrue(reason.contains("gsr_y=0.2 far above"), reason);
        assertTrue(reason.contains("likely ghosting or motion along y (j)"), reason);
    }

    @Test
    void aSiteHalfCorruptedBySliceDropoutDoesNotTakeItsDropoutsForTypical() {
        // S0: 30 clean scans, slice_dropout 0.02-0.08; S1: 12 scans, 6 clean like S0's, 3 moderate dropouts
        // (0.35-0.40) and 3 severe ones (0.8-0.9): its own typical scans (never fewer than half) hold the
        // moderate ones; S2: 10 clean scans at a higher level (0.10-0.20), which must stay clean
        Random r = new Random(17);
        List<String> ids = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<Map<String, Double>> rows = new ArrayList<>();
        double[] s1 = {0.35, 0.38, 0.40, 0.8, 0.85, 0.9};
        for (int i = 0; i < 52; i++) {
            String site = i < 30 ? "S0" : i < 42 ? "S1" : "S2";
            double dropout = i >= 42 ? 0.10 + 0.10 * r.nextDouble()
                    : i >= 36 ? s1[i - 36] : 0.02 + 0.06 * r.nextDouble();
            ids.add("sub-" + i);
            sites.add(site);
            rows.add(Map.of("efc", 0.5 + 0.01 * r.nextGaussian(), "slice_dropout", dropout));
        }
        List<TierAssignment> tiers = RuleTiering.tier(IqmTable.fromMaps("bids_name", ids, sites, rows), 10);
        for (int i = 30; i < 52; i++) {
            TierAssignment t = tiers.get(i);
            if (i >= 36 && i < 42) {
                assertTrue(t.tier() <= 3 && t.reason().contains("slice_dropout=") && t.reason().contains("site norm of S1"),
                        t.reason());
            } else {
                assertTrue(t.tier() >= 4, ids.get(i) + ": " + t.reason());
            }
        }
    }

    @Test
    void fberIsJudgedOnALogScaleAndReportedAsMeasured() {
        // one site, fber log-normal around 80 (log SD 0.25); a noisy scan at fber 20 lies
        // 2-3 IQRs below on the linear scale (tier 4 when measured) but about 4 below on the log scale, where a ratio's
        // deviations are multiplicative; its reason names the measured value, not its log
        TierAssignment noisy = oneSite(40, 8, "fber", (i, r) -> i == 0 ? 20 : 80 * Math.exp(0.25 * r.nextGaussian())).get(0);
        assertTrue(noisy.tier() <= 3, noisy.reason());
        assertTrue(noisy.reason().contains("fber=20 far below the site norm of S0"), noisy.reason());
    }

    @Test
    void aLargeSiteWithManyGradedCorruptionsKeepsTheNormOfItsCleanScans() {
        // one site of 40 scans: 22 clean (snrd_total log-normal around 15, log SD 0.1) and 18 noisy ones
        // whose snrd_total falls in even steps to a third of that; started from all scans, all 40 stayed
        // typical and even the worst (snrd_total 6) was tier 5 (measured: z -1.6); from the better half,
        // the worst are tier 1 and clean scans stay in tiers 4-5
        List<TierAssignment> tiers = oneSite(40, 21, "snrd_total",
                (i, r) -> i < 22 ? 15 * Math.exp(0.1 * r.nextGaussian()) : 15 * Math.exp(-1.1 * (i - 21) / 18.0));
        for (int i = 0; i < 22; i++) {
            assertTrue(tiers.get(i).tier() >= 4, tiers.get(i).reason());
        }
        for (int i = 36; i < 40; i++) {
            assertEquals(1, tiers.get(i).tier(), tiers.get(i).reason());
            assertTrue(tiers.get(i).reason().contains("snrd_total="), tiers.get(i).reason());
        }
    }

    @Test
    void snrWmIsJudgedOnALogScaleNeverTighterThanItsResolution() {
        // 12 clean scans of one site with snr_wm 20 +- 1 % (a log IQR far below the floor): a clean scan at
        // 16 (0.8 times) stays in tier 4-5; a scan whose noise tripled (snr_wm 6.7) falls to tier 1
        List<TierAssignment> tiers = oneSite(14, 5, "snr_wm",
                (i, r) -> i == 0 ? 16 : i == 1 ? 20 / 3.0 : 20 * (1 + 0.02 * (r.nextDouble() - 0.5)));
        assertTrue(tiers.get(0).tier() >= 4, tiers.get(0).reason());
        assertEquals(1, tiers.get(1).tier(), tiers.get(1).reason());
        assertTrue(tiers.get(1).reason().contains("snr_wm=6.67 far below"), tiers.get(1).reason());
    }

    @Test
    void fwhmAndSnrdAreNeverJudgedTighterThanTheirResolutions() {
        // 12 clean scans of one site with fwhm_avg 2.5 +- 0.005 voxels (an IQR far below the floor): a clean
        // scan at 2.68 stays in tier 4-5 (z 1.8); a blurred one at 3.3 falls to tier 1
        List<TierAssignment> fwhm = oneSite(14, 9, "fwhm_avg",
                (i, r) -> i == 0 ? 2.68 : i == 1 ? 3.3 : 2.5 + 0.01 * (r.nextDouble() - 0.5));
        assertTrue(fwhm.get(0).tier() >= 4, fwhm.get(0).reason());
        assertEquals(1, fwhm.get(1).tier(), fwhm.get(1).reason());
        assertTrue(fwhm.get(1).reason().contains("fwhm_avg=3.3 far above"), fwhm.get(1).reason());
        // snrd_total 15 +- 0.5 % (log IQR far below the floor): a clean scan at 12.5 stays in tier 4-5
        // (log z -1.8); one whose noise doubled (snrd_total 7.5, log z -6.9) falls to tier 1
        List<TierAssignment> snrd = oneSite(14, 10, "snrd_total",
                (i, r) -> i == 0 ? 12.5 : i == 1 ? 7.5 : 15 * (1 + 0.01 * (r.nextDouble() - 0.5)));
        assertTrue(snrd.get(0).tier() >= 4, snrd.get(0).reason());
        assertEquals(1, snrd.get(1).tier(), snrd.get(1).reason());
        assertTrue(snrd.get(1).reason().contains("snrd_total=7.5 far below"), snrd.get(1).reason());
    }

    @Test
    void efcIsNeverJudgedTighterThanItsResolution() {
        // 12 clean scans of one site with efc 0.56 +- 0.003 (an IQR far below the floor, as a site's typical
        // scans can be): a young subject's clean scan at 0.598 stays in tier 4-5 (z 1.9; 3.8 against a
        // floor of 0.01); a moving subject's at 0.69 falls to tier 1
        Random r = new Random(7);
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            rows.add(Map.of("efc", i == 0 ? 0.598 : i == 1 ? 0.69 : 0.56 + 0.006 * (r.nextDouble() - 0.5)));
        }
        List<TierAssignment> tiers = tiersOfSiteS0(rows);
        assertTrue(tiers.get(0).tier() >= 4, tiers.get(0).reason());
        assertEquals(1, tiers.get(1).tier(), tiers.get(1).reason());
        assertTrue(tiers.get(1).reason().contains("efc=0.69 far above"), tiers.get(1).reason());
    }

    @Test
    void aSkullStrippedScanIsNotJudgedByItsAir() {
        // 12 intact scans of one site (efc 0.56 +- 0.003, snr_wm 10 +- 1) and two skull-stripped ones
        // whose efc (0.88) only says the air is gone; the second also has half the site's snr_wm (noise)
        Random r = new Random(3);
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            double efc = i < 2 ? 0.88 : 0.56 + 0.006 * (r.nextDouble() - 0.5);
            double snr = i == 1 ? 5 : 10 + r.nextGaussian();
            rows.add(Map.of("efc", efc, "snr_wm", snr, "skull_stripped", i < 2 ? 1.0 : 0.0));
        }
        List<TierAssignment> tiers = tiersOfSiteS0(rows);
        assertEquals(5, tiers.get(0).tier(), tiers.get(0).reason());
        assertFalse(tiers.get(0).reason().contains("efc"), tiers.get(0).reason());
        assertTrue(tiers.get(1).tier() <= 2 && tiers.get(1).reason().contains("snr_wm=5 far below"),
                tiers.get(1).reason());
        // without the flag the same efc is "likely motion"
        List<Map<String, Double>> unflagged = rows.stream().map(m -> Map.of("efc", m.get("efc"), "snr_wm",
                m.get("snr_wm"))).toList();
        TierAssignment intact = tiersOfSiteS0(unflagged).get(0);
        assertEquals(1, intact.tier(), intact.reason());
    }

    /** Rule tiers of {@code rows} as the scans sub-0, sub-1, … of one site, S0. */
    private static List<TierAssignment> tiersOfSiteS0(List<Map<String, Double>> rows) {
        List<String> ids = IntStream.range(0, rows.size()).mapToObj(i -> "sub-" + i).toList();
        return RuleTiering.tier(IqmTable.fromMaps("bids_name", ids, Collections.nCopies(rows.size(), "S0"), rows), 10);
    }

    /**
     * Tiers of one site, S0, of {@code n} scans: efc around 0.5 (SD 0.01) and {@code iqm} from
     * {@code value} (scan index, the shared random source), drawn before the scan's efc.
     */
    private static List<TierAssignment> oneSite(int n, long seed, String iqm,
            BiFunction<Integer, Random, Double> value) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = value.apply(i, r);
            ids.add("sub-" + i);
            rows.add(Map.of("efc", 0.5 + 0.01 * r.nextGaussian(), iqm, v));
        }
        return RuleTiering.tier(IqmTable.fromMaps("bids_name", ids, Collections.nCopies(n, "S0"), rows), 10);
    }

    @Test
    void bandsAreContiguous() {
        assertEquals(5, RuleTiering.tierOf(1.99));
        assertEquals(4, RuleTiering.tierOf(2));
        assertEquals(2, RuleTiering.tierOf(5.9));
        assertEquals(1, RuleTiering.tierOf(6));
    }
}
