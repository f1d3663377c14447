package org.neurocurate.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.tissue.TissueConfig;
import org.neurocurate.quality.tissue.TissueMaps;
import org.neurocurate.quality.tissue.TissueSegmentation;
import org.neurocurate.synth.AgeingModel;
import org.neurocurate.synth.CohortGenerator;
import org.neurocurate.synth.CohortSpec;
import org.neurocurate.synth.Contrast;
import org.neurocurate.synth.SiteCatalog;
import org.neurocurate.synth.SubjectGenerator;
import org.neurocurate.synth.SubjectParams;
import org.neurocurate.synth.SyntheticSubject;
import org.neurocurate.volume.Volume;

/**
 * Level (b) tissue segmentation against the generator's truth (issue target: tissue Dice ≥ 0.85 on
 * clean scans). Generated subjects at 3 mm (53×64×53, a 2.5 mm cortex is almost all partial volume),
 * Rician noise σ = 1 % of the maximum; truth is the generator's arg-max-fraction label map, grouped as
 * in {@link HeadPhantom#tissueDice}.
 */
class GeneratedCohortTissueTest {

    private static final double GRID_MM = 3;

    @Test
    void t1wTissuesMatchTheTruthInsideTheIntracranialMask() {
        for (long seed = 1; seed <= 3; seed++) {
            SyntheticSubject s = subject(seed, Contrast.T1W);
            TissueMaps maps = segment(s, Contrast.T1W, TissueConfig.DEFAULTS, seed);
            double[] dice = HeadPhantom.tissueDice(maps.labels(), s);
            for (int t = 0; t < 3; t++) {
                assertTrue(dice[t] >= 0.85, "seed " + seed + " tissue " + (t + 1) + " Dice " + dice[t] + " (issue target 0.85)");
            }
        }
    }

    /** T2w: CSF is the brightest tissue, WM the darkest; the labels keep meaning 1 CSF, 2 GM, 3 WM. */
    @Test
    void t2wWithBrightCsfKeepsTheLabelMeaning() {
        long seed = 4;
        SyntheticSubject s = subject(seed, Contrast.T2W);
        TissueConfig brightCsf = TissueConfig.DEFAULTS.withBrightCsf(true);
        TissueMaps maps = segment(s, Contrast.T2W, brightCsf, seed);
        double[] dice = HeadPhantom.tissueDice(maps.labels(), s);
        assertTrue(maps.means()[0] > maps.means()[1] && maps.means()[1] > maps.means()[2], "T2w: CSF > GM > WM");
        for (int t = 0; t < 3; t++) {
            assertTrue(dice[t] >= 0.85, "tissue " + (t + 1) + " Dice " + dice[t]);
        }
    }

    /**
     * T2w grey matter is not placed from the cortical mantle, half of which is bright CSF. A head on
     * 3×3×4.5 mm voxels (seed 5, the sixth site template): the mantle's search put the middle mean on
     * the CSF/GM junction (1,634 against a CSF of 1,976 and a grey matter near 780), CSF / GM Dice
     * 0.333 / 0.388, until such an estimate was left ({@code PartialVolumeMixture.middleFromCortex}):
     * 0.875 / 0.885. A 4 mm head (seed 12, the fifth template): once a middle nearer CSF than white
     * matter counted as the junction, the mantle's search settled just short of it (532 against a grey
     * matter near 300 and a CSF of 884), 0.558 / 0.567; without the mantle on T2w
     * ({@code TissueSegmentation}), 0.879 / 0.883.
     */
    @Test
    void t2wGreyMatterIsNotPlacedFromTheMantle() throws NoBrainException {
        double[] dice = t2wPipelineDice(5, 5, GRID_MM);
        assertTrue(dice[0] >= 0.85 && dice[1] >= 0.85, "3x3x4.5 mm T2w CSF / GM Dice " + dice[0] + " / " + dice[1]);
        dice = t2wPipelineDice(12, 4, 4);
        assertTrue(dice[0] >= 0.85 && dice[1] >= 0.85, "4 mm T2w CSF / GM Dice " + dice[0] + " / " + dice[1]);
    }

    /**
     * A generated T2w head on 1×1×3 mm voxels (seed 2, the third site template at 1 mm): fitted on the
     * 2×2×6 mm working grid, where the cortex fills no voxel, the middle mean lay on the grey/white
     * plateau (659 against a grey matter near 470) and the refit on the scan's voxels kept it: CSF / GM /
     * WM Dice 0.791 / 0.482 / 0.732. Searched again on the scan's voxels, as T2w mixtures are on every
     * finer grid ({@code TissueSegmentation.SEARCH_AGAIN_MAX_MM}): 0.898 / 0.933 / 0.935.
     */
    @Test
    void t2wThinSliceHeadIsSearchedAgainOnItsOwnVoxels() throws NoBrainException {
        double[] dice = t2wPipelineDice(2, 2, 1);
        for (int t = 0; t < 3; t++) {
            assertTrue(dice[t] >= 0.85, "1x1x3 mm T2w tissue " + (t + 1) + " Dice " + dice[t] + " (issue target 0.85)");
        }
    }

    /**
     * A generated T2w head on 3×3×9 mm voxels (seed 34, the third site template): ribbon candidates that
     * keep the grey/white end of the mixed plateaus push the middle mean towards CSF, CSF / GM Dice
     * 0.638 / 0.667; keeping the CSF/GM end, as on T1w ({@code PartialVolumeMixture.ribbonProfile}),
     * 0.737 / 0.730. (The rule was found on 5 mm heads whose brain masks took in the face, 0.559 / 0.576
     * → 0.812 / 0.715; with masks cut from it, the end no longer matters there.)
     */
    @Test
    void t2wRibbonCandidatesKeepTheCsfGreyMatterEnd() throws NoBrainException {
        double[] dice = t2wPipelineDice(34, 2, GRID_MM);
        assertTrue(dice[0] >= 0.7, "T2w CSF Dice " + dice[0]);
        assertTrue(dice[1] >= 0.7, "T2w GM Dice " + dice[1]);
    }

    /**
     * A generated T2w head on 4×4×6 mm voxels (seed 21, the sixth site template on the 4 mm grid): the
     * likeliest model put the middle mean 0.8 of the way from white matter to CSF (about 1,600 against
     * a CSF near 1,800 and a grey matter near 760), where T2w grey matter never lies: CSF / GM Dice
     * 0.304 / 0.434 (0.327 / 0.477 once the mask left the face out). A middle mean nearer CSF than
     * white matter is the junction, and the model beside it is taken whatever its likelihood
     * ({@code PartialVolumeMixture.middleNearerCsf}): 0.773 / 0.758.
     */
    @Test
    void t2wMiddleMeanNearerCsfThanWhiteMatterIsNoGreyMatter() throws NoBrainException {
        double[] dice = t2wPipelineDice(21, 5, 4);
        assertTrue(dice[0] >= 0.75, "T2w CSF Dice " + dice[0]);
        assertTrue(dice[1] >= 0.72, "T2w GM Dice " + dice[1]);
    }

    /**
     * A generated T2w head on 4 mm voxels (seed 1, the second site template): the profile of the
     * mixture's search ranked the CSF/GM junction first (middle mean 1,257 against a CSF of 1,482 and a
     * grey matter near 630), and the model fitted from grey matter's side of it, more likely by 320
     * log-likelihood units, was never tried: CSF / GM Dice 0.270 / 0.447. Tried
     * ({@code PartialVolumeMixture.besideCsfJunction}): 0.831 / 0.864.
     */
    @Test
    void t2wJunctionModelGivesWayToALikelierGreyMatterModel() throws NoBrainException {
        double[] dice = t2wPipelineDice(1, 1, 4);
        assertTrue(dice[0] >= 0.8, "T2w CSF Dice " + dice[0]);
        assertTrue(dice[1] >= 0.8, "T2w GM Dice " + dice[1]);
    }

    /**
     * A generated T2w head on 3×3×9 mm voxels (seed 34, the third site template): there the junction
     * model (middle mean 860 against a CSF of 1,053) was more likely than the one beside it, and the
     * likelihood is no guide on thick slices: CSF / GM Dice 0.263 / 0.376. The model beside it taken
     * whatever its likelihood ({@code PartialVolumeMixture.thickSlices}): 0.737 / 0.730.
     */
    @Test
    void t2wJunctionModelOnThickSlicesGivesWayToGreyMatter() throws NoBrainException {
        double[] dice = t2wPipelineDice(34, 2, GRID_MM);
        assertTrue(dice[0] >= 0.65, "T2w CSF Dice " + dice[0]);
        assertTrue(dice[1] >= 0.65, "T2w GM Dice " + dice[1]);
    }

    /**
     * Through the whole pipeline the brain mask is the pipeline's own (brain Dice about 0.97 at 3 mm).
     * Measured on seeds 1–8 with the air-dark generated skull, which the mask is cut at: CSF 0.878–0.916
     * (0.893 and 0.878 on the two seeds run here), GM 0.899–0.918 and WM 0.940–0.963, above the issue's
     * 0.85 (cut at the central dark voxels' quartile instead of {@code BrainMask.MASK_CSF_PERCENTILE}: CSF
     * 0.875–0.916, GM 0.901–0.919). With the CSF-bright skull before: CSF 0.864–0.890 (0.869 and 0.864),
     * GM 0.911–0.926 and WM 0.947–0.963. With the true mask CSF is 0.94–0.95; the rest is the mask's
     * one-voxel boundary (800–1,900 skull voxels inside, labelled CSF, and 600–1,100 CSF voxels outside).
     * Before the mask kept the CSF next to brain tissue from its skull peel
     * ({@code BrainMask.THIN_SKULL_MM}) CSF was 0.847–0.887. Bounds sit under the worst seed. Before the ribbon
     * model ({@code PartialVolumeMixture}) the GM mean came out at 91–100 against a pure 113: CSF
     * 0.76–0.88, GM 0.60–0.90, WM 0.91–0.95 on the same seeds; the three-Gaussian segmentation and older
     * mask gave 0.64 / 0.50 / 0.76 here.
     */
    @Test
    void pipelineTissuesOnGeneratedScansAreBoundedOnlyByTheBrainMask() throws NoBrainException {
        double[] bound = {0.86, 0.90, 0.93};
        for (long seed = 1; seed <= 2; seed++) {
            SyntheticSubject s = subject(seed, Contrast.T1W);
            QcResult r = QualityPipeline.run(noisy(s, Contrast.T1W, seed), QcConfig.DEFAULTS, ProgressListener.NONE);
            double[] dice = HeadPhantom.tissueDice(r.tissue().labels(), s);
            for (int t = 0; t < 3; t++) {
                assertTrue(dice[t] >= bound[t], "seed " + seed + " tissue " + (t + 1) + " Dice " + dice[t] + " < " + bound[t]);
            }
        }
    }

    /**
     * At 1 mm the pipeline fits the tissue model on its 2 mm working grid and segments at 1 mm, where
     * pure grey matter exists: the middle mean is searched again there. Refitting from the 2 mm model
     * instead (plain EM) left seed 3's middle class at 220 against a pure GM of 113 (CSF / GM / WM Dice
     * 0.63 / 0.24 / 0.90); searched again, 0.91 / 0.97 / 0.98 (seeds 1–2: 0.89–0.90 / 0.96–0.97 / 0.98
     * either way). On a generated 1 mm cohort of nine clean scans (three sites) GM Dice went from
     * 0.15–0.30 to 0.93–0.97 on four of them and from 0.37 to 0.65 on one whose brain mask also failed
     * (brain Dice 0.70; GM 0.95 once {@code HeadMask} filled holes slice by slice); the two scans of its
     * 1×1×3 mm site keep the refit.
     */
    @Test
    void pipelineTissuesAtOneMillimetreSearchTheModelAgainAtFullResolution() throws NoBrainException {
        for (long seed : new long[] {3, 1}) {
            SyntheticSubject s = SubjectGenerator.generate(seed, 1.0);
            QcResult r = QualityPipeline.run(noisy(s, Contrast.T1W, seed), QcConfig.DEFAULTS, ProgressListener.NONE);
            double[] dice = HeadPhantom.tissueDice(r.tissue().labels(), s);
            for (int t = 0; t < 3; t++) {
                assertTrue(dice[t] >= 0.85, "seed " + seed + " tissue " + (t + 1) + " Dice " + dice[t] + " (issue target 0.85)");
            }
        }
    }

    /**
     * Generated cohort scans whose whole-brain middle class sat on the deep grey nuclei (brighter than
     * cortex) and whose grey-matter mean the cortical mantle places: two clean 3 mm scans of a noisy site
     * (cohort seed 5, site02; GM Dice 0.65 and 0.61 from the whole brain, 0.78 and 0.82 from the
     * mantle, 0.82 and 0.86 since later bias rounds search again) and two clean 1×1×3 mm scans (cohort
     * seed 77, site03; GM 0.79 and 0.61, now 0.83 and 0.94). Bounds sit under the measured values,
     * above the old ones. With the air-dark generated skull the 3 mm pair measure 0.81 and 0.84.
     */
    @Test
    void theCorticalMantlePlacesGreyMatterOnNoisyAndThickSliceScans(@TempDir Path dir) throws IOException, NoBrainException {
        assertGreyMatter(clean(5, 5, 3), dir.resolve("noisy"), Map.of("sub-001", 0.80, "sub-005", 0.84));
        assertGreyMatter(clean(4, 77, 1), dir.resolve("thick"), Map.of("sub-001", 0.81, "sub-004", 0.90));
    }

    /**
     * Clean 3 and 4 mm scans of a quiet 3 T site whose cortical mantle showed a pure grey-matter peak
     * the whole brain did not: the pile-up of cortical voxels at the ribbon's end, which the mantle
     * rule took (grey-matter mean 92 and 79, GM Dice 0.861 and 0.708); left, 124 and 106, GM Dice
     * 0.920 and 0.825 ({@code PartialVolumeMixture.middleFromCortex}).
     */
    @Test
    void aMantlePeakTheWholeBrainLacksIsNotTakenForGreyMatter(@TempDir Path dir) throws IOException, NoBrainException {
        assertGreyMatter(clean(7, 1, 3), dir.resolve("3"), Map.of("sub-007", 0.90));
        assertGreyMatter(clean(12, 41, 4), dir.resolve("4"), Map.of("sub-012", 0.80));
    }

    /**
     * The noisy site of cohort seed 1 at 3 mm (bias severity 0.4, noise 1.6 %): the first bias round
     * sees the values under the whole field and put the middle class on the deep grey matter (mean
     * 363–428 against a cortical grey matter of about 245), and plain EM kept it there once the bias
     * was removed. Later rounds search again on the corrected values (TissueSegmentation's
     * SEARCH_AGAIN_ANISOTROPY): GM Dice 0.48–0.59 → 0.82–0.90 on these six clean
     * scans (the site's seventh, sub-019, was 0.857 before and after). Since bias fields have one
     * strength per severity the site's field differs per scan: 0.779–0.891 (sub-021 0.849 → 0.779, more
     * grey matter called CSF at this noisy site; sub-008 0.815 → 0.851; site mean 0.852 → 0.848).
     * Since the generated skull is air-dark: 0.818–0.887 (sub-020 0.818: its CSF lies 3.3 air SDs above
     * the air, and at 4, {@code BrainMask.MIN_BONE_CONTRAST} before, its bone stayed in mask and fit:
     * 0.557).
     */
    @Test
    void laterBiasRoundsFindGreyMatterAgainUnderAStrongBiasField(@TempDir Path dir) throws IOException, NoBrainException {
        assertGreyMatter(clean(21, 1, 3), dir, Map.of("sub-008", 0.83, "sub-010", 0.87, "sub-015", 0.83, "sub-018", 0.86,
                "sub-020", 0.80, "sub-021", 0.76));
    }

    /**
     * A clean 1×1×3 mm scan (cohort seed 32, site03) whose first bias round saw no pure grey-matter peak
     * under the bias field: the ribbon model put the middle class on the grey/white plateau (mean 371
     * against a pure GM of 229) and refits kept it there (GM Dice 0.41). A later round's fresh search
     * on the corrected values finds the peak (GM 0.925).
     */
    @Test
    void aThickSliceScanWithoutAGreyMatterPeakSearchesAgainAfterBiasCorrection(@TempDir Path dir)
            throws IOException, NoBrainException {
        assertGreyMatter(clean(1, 32, 1), dir, Map.of("sub-001", 0.90));
    }

    /**
     * Clean 1×1×3 mm scans (site03 of cohort seeds 41 and 42) whose models, fitted on 2 mm blocks
     * in-plane, are ribbons (the cortex thinner than a block): applied to the 1 mm in-plane voxels as
     * ribbons their middle class sat between grey and white matter (GM Dice 0.765 and 0.610); made
     * plain first, 0.889 and 0.877.
     */
    @Test
    void aRibbonModelIsMadePlainOnVoxelsFineInPlane(@TempDir Path dir) throws IOException, NoBrainException {
        assertGreyMatter(clean(1, 41, 1), dir.resolve("41"), Map.of("sub-001", 0.86));
        assertGreyMatter(clean(4, 42, 1), dir.resolve("42"), Map.of("sub-004", 0.86));
    }

    /**
     * The first four subjects of cohort seed 1 at 3 mm are clean 3×3×9 mm scans (site03). Their tissue
     * models carried a ribbon whose pure middle mean (332–356) set the grey/white cut at about 415, deep
     * in white matter: GM Dice 0.597, 0.621, 0.730, 0.656. Made plain before the refit: 0.704, 0.673,
     * 0.873, 0.783.
     */
    @Test
    void aRibbonModelIsMadePlainOnThickSlices(@TempDir Path dir) throws IOException, NoBrainException {
        assertGreyMatter(clean(4, 1, 3), dir, Map.of("sub-001", 0.68, "sub-002", 0.65, "sub-003", 0.85, "sub-004", 0.76));
    }

    /**
     * Generated 3 mm heads (1 % noise) under a severe bias-field artifact (severity 0.9, N3's range 0.50
     * and 0.68): the tissue model's own rounds followed the mixture and collapsed (seeds 1 / 2: CSF 0.647
     * / 0.619, GM 0.322 / 0.266, WM 0.330 / 0.210); fitted on values N3 has corrected
     * ({@code TissueSegmentation.STRONG_FIELD}), 0.825 / 0.789, 0.873 / 0.855, 0.939 / 0.940. The same
     * heads without the field measure 0.893 / 0.878, 0.918 / 0.913, 0.963 / 0.960 either way.
     */
    @Test
    void tissuesSurviveASevereBiasField() throws NoBrainException {
        for (long seed = 1; seed <= 2; seed++) {
            SyntheticSubject s = SubjectGenerator.generate(seed, GRID_MM);
            org.neurocurate.artifact.BiasField field = new org.neurocurate.artifact.BiasField();
            Volume biased = field.apply(s.image(Contrast.T1W), field.sample(0.9, new Random(31 * seed)));
            QcResult r = QualityPipeline.run(HeadPhantom.withRicianNoise(biased, 0.01, seed), QcConfig.DEFAULTS,
                    ProgressListener.NONE);
            double[] dice = HeadPhantom.tissueDice(r.tissue().labels(), s);
            double[] bounds = {0.75, 0.83, 0.9};
            for (int t = 0; t < 3; t++) {
                assertTrue(dice[t] >= bounds[t], "seed " + seed + " tissue " + (t + 1) + " Dice " + dice[t] + " < " + bounds[t]);
            }
        }
    }

    /**
     * A clean 4 mm scan of a 48-year-old with little CSF (cohort seed 3, sub-002): searched from the
     * darkest tissue at the 5th percentile alone, the dark class stayed on the CSF/GM plateau (CSF / GM
     * means 56 / 95, Dice 0.50 / 0.74); from the second, lower start too
     * ({@code TissueSegmentation.LOW_DARK_START}) 32 / 115 after the bias rounds, Dice 0.76 / 0.88.
     */
    @Test
    void scarceCsfOnACoarseIsotropicScanIsFoundFromALowerStart(@TempDir Path dir) throws IOException, NoBrainException {
        assertTissues(CohortSpec.defaults().withSubjects(2).withSeed(3).withGridMm(4).withArtifactRate(0), dir, "sub-002",
                0.7, 0.85, 0);
    }

    /**
     * A clean 3 mm scan of a 22-year-old (cohort seed 1 over eight sites, sub-022): the first two bias
     * rounds placed grey matter at about 112, and the third round's fresh search found a pure middle
     * peak at 88, the pile-up of cortical voxels at the ribbon's end (cortical grey matter about 100),
     * more likely than the refit: CSF / GM Dice 0.570 / 0.850. Kept out on voxels coarser than a cortex
     * ({@code TissueSegmentation.refitOrFresh}): 0.752 / 0.913.
     */
    @Test
    void aLaterRoundsPileUpPeakDoesNotReplaceTheRefitOnCoarseVoxels(@TempDir Path dir)
            throws IOException, NoBrainException {
        assertTissues(eightSites(22, 1, 3), dir, "sub-022", 0.7, 0.9, 0);
    }

    /**
     * A clean 4×4×4.8 mm scan of an 81-year-old (cohort seed 3 over eight sites, sub-011, site08): a
     * later bias round's fresh search, on values N3 had corrected, took a ribbon candidate whose middle
     * mean started beyond white matter's (332 against 240) and stayed there, so grey matter took no
     * voxel (GM Dice 0.003, CSF 0.643). Such candidates are left out
     * ({@code PartialVolumeMixture.ribbonProfile}): GM 0.727, CSF 0.844.
     */
    @Test
    void aRibbonCandidateBrighterThanWhiteMatterIsNoModel(@TempDir Path dir) throws IOException, NoBrainException {
        assertTissues(eightSites(11, 3, 4), dir, "sub-011", 0.8, 0.7, 0.85);
    }

    /**
     * A clean 3 mm scan of a quiet 3 T site (cohort seed 3 over eight sites, sub-004, site05): the first
     * bias round's ribbon model placed grey matter at about 190, and the third round's plain fresh
     * model, more likely by 194 log-likelihood units, put the middle mean on the CSF/GM junction (103;
     * its CSF/middle mixed class held 0.10 of the weight of the middle/WM one, the refit's 0.98): CSF /
     * GM Dice 0.549 / 0.752. Such a model does not replace a grey-matter one
     * ({@code PartialVolumeMixture.middleOnCsfJunction}): 0.805 / 0.908.
     */
    @Test
    void aFreshModelOnTheCsfJunctionDoesNotReplaceGreyMatter(@TempDir Path dir) throws IOException, NoBrainException {
        assertTissues(eightSites(4, 3, 3), dir, "sub-004", 0.75, 0.88, 0);
    }

    /**
     * A clean 4 mm scan of an 85-year-old (cohort seed 1 over eight sites, sub-001, site07): every bias
     * round kept a refit whose middle mean lay on the grey/white plateau (about 280 against a grey
     * matter near 150; its CSF/middle mixed class 2.1–4.1 times the middle/WM one) over fresh
     * grey-matter models (145–150, ratio 0.6–0.8) 32–34 log-likelihood units less likely: CSF / GM Dice
     * 0.801 / 0.533. Such a refit gives way ({@code PartialVolumeMixture.middleOnGreyWhitePlateau}):
     * 0.903 / 0.790.
     */
    @Test
    void aRefitOnTheGreyWhitePlateauGivesWayToGreyMatter(@TempDir Path dir) throws IOException, NoBrainException {
        assertTissues(eightSites(1, 1, 4), dir, "sub-001", 0.85, 0.75, 0);
    }

    /**
     * A clean 4 mm scan of a 32-year-old at the 1.5 T site (cohort seed 4 over eight sites, sub-020,
     * site04): the last bias round's fresh model put the middle mean on the grey/white plateau (162
     * against a white matter of 213; its CSF/middle mixed class 3.7 times the middle/WM one) and, more
     * likely, replaced a grey-matter refit (109): CSF / GM / WM Dice 0.648 / 0.588 / 0.781. A fresh model
     * clearly on the plateau no longer replaces one on grey matter ({@code TissueSegmentation.refitOrFresh}):
     * 0.816 / 0.853 / 0.917.
     */
    @Test
    void aFreshModelOnTheGreyWhitePlateauDoesNotReplaceGreyMatter(@TempDir Path dir) throws IOException, NoBrainException {
        assertTissues(eightSites(20, 4, 4), dir, "sub-020", 0.78, 0.8, 0.88);
    }

    /**
     * CSF, GM and WM Dice of the pipeline's labels (T2w settings) of the generated T2w head of
     * {@code seed} at {@code template} of the eight site templates, on a {@code gridMm} grid, with
     * Rician noise of σ = 1 % of its maximum.
     */
    private static double[] t2wPipelineDice(long seed, int template, double gridMm) throws NoBrainException {
        SyntheticSubject s = HeadPhantom.templateHead(seed, template, gridMm, Contrast.T2W);
        return HeadPhantom.tissueDice(HeadPhantom.pipeline(s, Contrast.T2W, seed).tissue().labels(), s);
    }

    /** CSF, GM and WM Dice of the pipeline's labels of scan {@code id} of the generated cohort {@code spec}. */
    private static double[] pipelineDice(CohortSpec spec, Path dir, String id) throws IOException, NoBrainException {
        CohortGenerator.generate(spec, dir, ProgressListener.NONE);
        byte[] labels = QualityPipeline.run(HeadPhantom.cohortScan(dir, id), QcConfig.DEFAULTS, ProgressListener.NONE)
                .tissue().labels();
        return HeadPhantom.tissueDice(labels, HeadPhantom.cohortTruth(dir, id));
    }

    /**
     * Asserts that the pipeline's CSF, GM and WM Dice on scan {@code id} of the generated cohort
     * {@code spec} reach {@code csf}, {@code gm} and {@code wm}.
     */
    private static void assertTissues(CohortSpec spec, Path dir, String id, double csf, double gm, double wm)
            throws IOException, NoBrainException {
        double[] dice = pipelineDice(spec, dir, id);
        double[] bounds = {csf, gm, wm};
        String[] names = {"CSF", "GM", "WM"};
        for (int t = 0; t < 3; t++) {
            assertTrue(dice[t] >= bounds[t], spec.gridMm() + " mm cohort seed " + spec.seed() + " " + id + ": " + names[t]
                    + " Dice " + dice[t] + " < " + bounds[t]);
        }
    }

    /** A generated cohort of {@code subjects} clean scans over the eight site templates. */
    private static CohortSpec eightSites(int subjects, long seed, double gridMm) {
        return CohortSpec.defaults().withSubjects(subjects).withSeed(seed).withSites(8).withGridMm(gridMm).withArtifactRate(0);
    }

    /** A generated cohort of {@code subjects} clean scans over three sites. */
    private static CohortSpec clean(int subjects, long seed, double gridMm) {
        return CohortSpec.defaults().withSubjects(subjects).withSeed(seed).withSites(3).withGridMm(gridMm).withArtifactRate(0);
    }

    private static void assertGreyMatter(CohortSpec spec, Path root, Map<String, Double> bounds) throws IOException, NoBrainException {
        CohortGenerator.generate(spec, root, ProgressListener.NONE);
        for (Map.Entry<String, Double> e : bounds.entrySet()) {
            String id = e.getKey();
            byte[] labels = QualityPipeline.run(HeadPhantom.cohortScan(root, id), QcConfig.DEFAULTS, ProgressListener.NONE)
                    .tissue().labels();
            double dice = HeadPhantom.tissueDice(labels, HeadPhantom.cohortTruth(root, id))[1];
            assertTrue(dice >= e.getValue(), spec.gridMm() + " mm cohort seed " + spec.seed() + " " + id + ": GM Dice " + dice
                    + " < " + e.getValue());
        }
    }

    private static SyntheticSubject subject(long seed, Contrast contrast) {
        if (contrast == Contrast.T1W) {
            return SubjectGenerator.generate(seed, GRID_MM);
        }
        SubjectParams p = SubjectParams.sample("sub-" + seed, new Random(seed), 1, AgeingModel.MIN_AGE, AgeingModel.MAX_AGE);
        return SubjectGenerator.generate(p, SiteCatalog.sites(1, seed).get(0), GRID_MM, List.of(contrast));
    }

    private static TissueMaps segment(SyntheticSubject s, Contrast contrast, TissueConfig config, long seed) {
        Volume scan = noisy(s, contrast, seed);
        long[] d = scan.dimensions();
        Grid3 g = new Grid3((int) d[0], (int) d[1], (int) d[2], scan.spacing());
        return TissueSegmentation.segment(scan.toFloatArray(), s.intracranialMask(), g, config, ProgressListener.NONE);
    }

    /** The clean image with Rician noise of σ = 1 % of its maximum. */
    private static Volume noisy(SyntheticSubject s, Contrast contrast, long seed) {
        return HeadPhantom.withRicianNoise(s.image(contrast), 0.01, seed);
    }
}
