package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.GroundTruthRow;
import org.neurocurate.synth.GroundTruthTable;

/**
 * Level (b) on four generated 1 mm scans that missed the tissue bar: two of the low-contrast
 * 1.5 T skull-stripping site, fitted on their own 1.25 mm grid, one of which took a cortical-ribbon
 * model (TissueSegmentation.RIBBON_MIN_MM) and one whose CSF mean the stripping mask's outer voxels
 * held down (BrainMask.strippedFitVoxels), one whose mask was cut at bone a voxel inside the CSF
 * (BrainMask.RECUT_FINEST_MM), and a thick-slice one whose cortex search kept a ribbon fraction
 * (TissueSegmentation.FINE_IN_PLANE_MM). Each is a subject of an eight-site 1 mm cohort, generated
 * with only the subjects before it; the last still misses the bar by its CSF (0.813).
 */
class GeneratedFineGridTissueTest {

    @Test
    void lowContrastScanFittedOnItsOwnGridKeepsItsGreyMatter(@TempDir Path dir) throws IOException, NoBrainException {
        // 81-year-old, 1.5 T skull-stripping site, 1.25 mm: grey/CSF difference about three noise SDs;
        // with a ribbon model the middle mean sat at 132 against a grey matter of 94 (GM Dice 0.523)
        double[] dice = cleanScanDice(dir, 3929, 2, "site04");
        assertTrue(dice[2] >= 0.85, "GM Dice " + dice[2]);
        assertTrue(dice[1] >= 0.85, "CSF Dice " + dice[1]);
        assertTrue(dice[3] >= 0.85, "WM Dice " + dice[3]);
    }

    @Test
    void strippedScansTissueFitLeavesTheStrippingCutOut(@TempDir Path dir) throws IOException, NoBrainException {
        // 19-year-old, same site: the stripping mask's outer voxels, CSF with the zeroed bone beyond,
        // held the CSF mean at 45 against a pure CSF of 53 (CSF Dice 0.833)
        double[] dice = cleanScanDice(dir, 1025, 2, "site04");
        assertTrue(dice[1] >= 0.85, "CSF Dice " + dice[1]);
        assertTrue(dice[2] >= 0.85 && dice[3] >= 0.85, "GM / WM Dice " + dice[2] + " / " + dice[3]);
    }

    @Test
    void boneCutInsideTheCsfIsCutAgainAtTheModelsCsf(@TempDir Path dir) throws IOException, NoBrainException {
        // 36-year-old, 1×1×1.5 mm: the central dark voxels put the cut at about pure CSF (CSF Dice 0.754,
        // brain 0.975)
        double[] dice = cleanScanDice(dir, 1025, 4, "site06");
        assertTrue(dice[0] >= 0.985, "brain Dice " + dice[0]);
        assertTrue(dice[1] >= 0.85, "CSF Dice " + dice[1]);
        assertTrue(dice[2] >= 0.85 && dice[3] >= 0.85, "GM / WM Dice " + dice[2] + " / " + dice[3]);
    }

    @Test
    void thickSliceScansCortexSearchStartsPlain(@TempDir Path dir) throws IOException, NoBrainException {
        // 50-year-old, 1×1×3 mm, fitted on 2×2×3 mm blocks: the cortex search kept the whole brain's
        // ribbon fraction and grey matter sat at 183 against 228 on the scan's grid (CSF Dice 0.567)
        double[] dice = cleanScanDice(dir, 4003, 6, "site03");
        assertTrue(dice[1] >= 0.8, "CSF Dice " + dice[1]);
        assertTrue(dice[2] >= 0.85 && dice[3] >= 0.85, "GM / WM Dice " + dice[2] + " / " + dice[3]);
    }

    /**
     * Brain-mask Dice, then CSF, GM and WM Dice against the generator's truth, of the last of the first
     * {@code subjects} clean scans of an eight-site 1 mm cohort, which must come from {@code site}.
     */
    private static double[] cleanScanDice(Path dir, long seed, int subjects, String site)
            throws IOException, NoBrainException {
        CohortSpec spec = CohortSpec.defaults().withSubjects(subjects).withSeed(seed).withSites(8).withGridMm(1)
                .withArtifactRate(0);
        CohortGenerator.generate(spec, dir, ProgressListener.NONE);
        GroundTruthRow row = GroundTruthTable.read(dir).get(subjects - 1);
        assertEquals(site, row.site(), "the cohort's subject " + row.participantId());
        String id = row.participantId();
        QcResult r = QualityPipeline.run(HeadPhantom.cohortScan(dir, id), QcConfig.DEFAULTS, ProgressListener.NONE);
        float[] truth = HeadPhantom.cohortTruth(dir, id);
        double[] tissue = HeadPhantom.tissueDice(r.tissue().labels(), truth);
        double brain = HeadPhantom.dice(r.brain(), HeadPhantom.intracranial(truth));
        return new double[] {brain, tissue[0], tissue[1], tissue[2]};
    }
}
