package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.synth.AgeingModel;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.ScanSimulator;
import org.neurocurate.synth.SiteCatalog;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.synth.SubjectParams;
import org.neurocurate.synth.SyntheticSubject;
import org.neurocurate.volume.Volume;

/**
 * Level (b) on the project's synthetic generator: the brain mask against the generator's intracranial
 * truth (brain and CSF inside the skull), at the issue's target Dice 0.95 on clean isotropic 3 mm T1w
 * subjects (Rician noise at 1 % of the maximum; measured 0.976–0.977 on seeds 1–3), and on the
 * catalogue's thick-slice site (3×3×9 mm, 1.5 T, its own bias field and noise), where a 9 mm voxel
 * straddles brain, skull and scalp at the top and bottom of the head. T2w subjects (CSF brightest, bone
 * dark) go through the same pipeline with {@link QcConfig#forModality}.
 */
class SyntheticCohortQcTest {

    @Test
    void brainMaskReachesTheIssueTargetOnCleanSubjects() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticSubject s = SubjectGenerator.generate(seed, 3);
            QcResult r = QualityPipeline.run(HeadPhantom.withRicianNoise(s.image(Contrast.T1W), 0.01, seed),
                    QcConfig.DEFAULTS, ProgressListener.NONE);
            double dice = HeadPhantom.dice(r.brain(), s.intracranialMask());
            assertTrue(dice >= 0.95, "seed " + seed + ": brain Dice " + dice + " (issue target 0.95)");
            assertFalse(r.anonymisation().defaced() || r.anonymisation().skullStripped(), "an intact synthetic head is not flagged");
        }
    }

    /**
     * T2w at 3 mm, seeds 1–3: brain Dice measured 0.979–0.980 and tissue Dice CSF/GM/WM 0.89/0.90–0.92/
     * 0.91–0.94 (the T1w settings give brain Dice 0.36–0.51 on these scans).
     */
    @Test
    void t2wScansGetTheirBrainAndTissuesThroughTheWholePipeline() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            SubjectParams p = SubjectParams.sample("sub-" + seed, new Random(seed), 1, AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
            SyntheticSubject s = SubjectGenerator.generate(p, SiteCatalog.sites(1, seed).get(0), 3, List.of(Contrast.T2W));
            QcResult r = QualityPipeline.run(HeadPhantom.withRicianNoise(s.image(Contrast.T2W), 0.01, seed),
                    QcConfig.DEFAULTS.forModality("T2w"), ProgressListener.NONE);
            double dice = HeadPhantom.dice(r.brain(), s.intracranialMask());
            assertTrue(dice >= 0.95, "seed " + seed + ": T2w brain Dice " + dice + " (issue target 0.95)");
            double[] tissue = HeadPhantom.tissueDice(r.tissue().labels(), s);
            for (int t = 0; t < 3; t++) {
                assertTrue(tissue[t] >= 0.85, "seed " + seed + ": T2w tissue " + (t + 1) + " Dice " + tissue[t] + " (issue target 0.85)");
            }
            assertTrue(r.iqms().get("summary_csf_median") > r.iqms().get("summary_gm_median")
                    && r.iqms().get("summary_gm_median") > r.iqms().get("summary_wm_median"), "T2w: CSF > GM > WM in the IQMs");
        }
    }

    @Test
    void thickSliceScanGetsABrainMask() throws IOException {
        assertTrue(SiteCatalog.sites(3, 0).get(2).anisotropic(), "the catalogue's third site has thick slices");
        SyntheticSubject s = thickSliceSubject(3, 3);
        QcResult r = qcOfCleanScan(s, 3, new double[] {3, 3, 9});
        double dice = HeadPhantom.dice(r.brain(), s.intracranialMask());
        // 0.90: this subject measures 0.962; eight subjects of this site measure 0.87-0.97 (lowest: a 90-year-old)
        assertTrue(dice >= 0.90, "thick-slice brain Dice " + dice);
    }

    /**
     * 4×4×12 mm: the bottom slice of the frontal lobe lies directly on the facial fat, which a 4 mm
     * erosion cannot cut off across 12 mm slices. This subject's mask took the fat in until the core
     * left out voxels far brighter than the central white matter ({@code BrainMask.CORE_CAP}): brain
     * Dice 0.866 and a white-matter class outside the white-matter prior (tpm_overlap_wm 0.002, mean
     * 701 against a true 436) before; 0.924, 0.22 and 464 after.
     */
    @Test
    void facialFatStaysOutOfAThickSliceBrainMask() throws IOException {
        SyntheticSubject s = thickSliceSubject(8, 4);
        QcResult r = qcOfCleanScan(s, 8, new double[] {4, 4, 12});
        double dice = HeadPhantom.dice(r.brain(), s.intracranialMask());
        assertTrue(dice >= 0.90, "4x4x12 mm brain Dice " + dice);
        assertTrue(r.iqms().get("tpm_overlap_wm") > 0.1, "white matter found where the prior puts it: tpm_overlap_wm "
                + r.iqms().get("tpm_overlap_wm"));
    }

    /** A subject of the catalogue's thick-slice site (slices three times the in-plane grid). */
    private static SyntheticSubject thickSliceSubject(long seed, double gridMm) {
        SubjectParams p = SubjectParams.sample("sub-thick", new Random(seed), 1, AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
        return SubjectGenerator.generate(p, SiteCatalog.sites(3, 0).get(2), gridMm, List.of(Contrast.T1W));
    }

    /** Quality control of the subject's artefact-free T1w scan, whose voxel size must be {@code spacing}. */
    private static QcResult qcOfCleanScan(SyntheticSubject s, long seed, double[] spacing) throws IOException {
        Volume scan = ScanSimulator.simulate(s, Contrast.T1W, List.of(), new Random(seed)).image();
        assertArrayEquals(spacing, scan.spacing(), 1e-9);
        return QualityPipeline.run(scan, QcConfig.DEFAULTS, ProgressListener.NONE);
    }
}
