package org.neurocurate.quality.tissue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.iqm.OrderStatistics;
import org.neurocurate.quality.iqm.ParallelRanges;
import org.neurocurate.quality.masks.DistanceTransform;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.Resolution;

/**
 * Three-class brain tissue segmentation with partial-volume maps and a bias-field estimate, from the
 * image and a brain mask: a partial-volume intensity mixture ({@link PartialVolumeMixture}: pure CSF,
 * GM and WM plus CSF/GM and GM/WM mixed classes, fitted by EM) alternating with a smooth
 * multiplicative field of its own ({@link BiasField}: log residual of the image against the expected
 * pure tissue mean, on voxels the mixture calls mostly pure; a mixed voxel's expected value is itself,
 * so it says nothing about the bias).
 *
 * <p>The bias field reported for the scan (inu_*, and the corrected image the other IQMs see) is not
 * that one but {@link N3Field}'s, from the image alone, as MRIQC takes N4's field and runs FSL FAST,
 * which keeps its own, for the tissues. The tissue model's field follows the model: on generated 3 mm
 * heads with 1 % noise its range over the brain went 0.05 / 0.11 / 0.21 / 0.13 for bias-field artifacts
 * of severity 0 / 0.3 / 0.6 / 0.9 and 0.15 / 0.18 for noise of 3 / 6 % without one (N3: 0.06 / 0.17 /
 * 0.32 / 0.50 and 0.07 / 0.06); a clean 4×4×12 mm scan got 0.58 (N3 0.18, its true field 0.38). On 18
 * generated tier cohorts, re-tiered by the rules, inu_range from N3 took the mean Spearman ρ of the
 * tiers from 0.849 to 0.881 and the bias-field scans' mean tier error from 1.57 to 0.49, while noise and
 * motion scans the old field had caught as "intensity non-uniformity" now fall by their own IQMs or not
 * at all (motion 0.64 → 0.85). The tissue model's field still serves the labels of most scans best:
 * the mixture fitted after N3 alone (no rounds of its own) lost grey matter on three of the 21 clean
 * scans of a generated 3 mm cohort (GM Dice 0.887 → 0.505 on one: the middle class went to the
 * grey/white plateau), and its rounds on N3's corrected values moved them both ways
 * ({@link #STRONG_FIELD}, where a strong field makes that the better start).
 *
 * <p>Partial-volume maps are the expected tissue fractions given the voxel's value (a pure class
 * gives its tissue all of the voxel, a mixed class splits it by the posterior mean fraction), in the
 * spirit of FSL FAST's pve_* maps; labels are the arg-max fraction, so a voxel is labelled with the
 * tissue that fills most of it, the ground truth of a partial-volume phantom. There is no Markov
 * random field: a mean-field Potts MRF over the five classes (as in FSL FAST, Zhang et al., IEEE TMI
 * 20(1):45–57, 2001) moved tissue Dice on generated 3 mm heads by at most 0.01 for β from 0.3 to 1.5
 * at 1 % and 3 % noise, since labels follow the fraction within a mixed class, which the MRF does not
 * see, and it cost about 0.8 s of the tissue stage at 1 mm.
 *
 * <p>{@link #fit} learns mixture and bias on a working grid (coarse for speed); {@link #apply} evaluates
 * the bias on the scan's grid, refits the mixture there (noise is larger at full resolution than in
 * block means) and computes the maps. On a finer grid than the fit's, with no voxel side above
 * {@link #SEARCH_AGAIN_MAX_MM}, the refit searches the middle mean again
 * ({@link PartialVolumeMixture#search}) from a fresh start: a 2 mm block mean of a 2.5 mm cortex is
 * mostly partial volume, a 1 mm voxel often pure grey matter, and plain EM from the 2 mm model could
 * leave the middle class on the grey/white plateau (generated 1 mm scans: middle mean 220–470 against a
 * pure grey matter of 113–250, GM Dice 0.15–0.30 on five of twelve clean scans; searched again,
 * 0.93–0.97).
 *
 * <p>The fit ends by placing the grey-matter mean from the cortical mantle, the brain's outer
 * {@link #MANTLE_MM} mm ({@link PartialVolumeMixture#middleFromCortex}), when that moves it away from
 * white matter: the deep grey nuclei, brighter than cortex on T1w, otherwise hold the middle class on
 * noisy or thick-slice scans. On generated clean cohorts: the two 3 mm scans of a noisy site (σ about
 * a third of the grey/CSF contrast) GM Dice 0.65 / 0.61 → 0.78 / 0.82 (middle mean 364 / 330 → 241 / 189,
 * cortical grey matter about 250); eight 1×1×3 mm scans GM 0.33–0.93 (mean 0.73) → 0.41–0.94 (mean
 * 0.84); of seven 3×3×9 mm scans one improved (0.71 → 0.80), the mantle's estimate was nearer white
 * matter on the others; isotropic scans of quiet sites unchanged (likewise, or at 1 mm the search on the
 * scan's grid replaced it). T1w only: on T2w the mantle is half bright CSF, whose partial volume with
 * the cortex its search took for grey matter (a 4 mm head: middle mean 532 against a grey matter of 293
 * and a CSF of 884, CSF / GM Dice 0.555 / 0.592). Of 40 generated T2w heads over the eight site
 * templates, without it: on the 4 mm grid mean CSF / GM Dice 0.770 / 0.767 → 0.815 / 0.801 (CSF rose
 * by 0.05–0.32 on nine heads, to 0.79–0.88; GM fell by 0.019–0.046 on six others, where the mantle had
 * moved the middle mean a little towards the cortex, and by 0.082 on a 4×4×6 mm one), on the 3 mm grid 0.868 / 0.879 → 0.870 / 0.877
 * (one 3×3×4.5 mm head 0.812 / 0.824 → 0.878 / 0.905; two 3.75 mm heads GM −0.028 and −0.037); 16 T2w
 * heads at 1 mm unchanged.
 */
public final class TissueSegmentation {

    /** Values the mixture's description is tabulated on, over the brain's intensity range. */
    private static final int TABLE_POINTS = 4096;
    /** A voxel informs the bias field when the pure classes hold at least this posterior. */
    private static final double PURE_FOR_BIAS = 0.5;
    /**
     * Coarsest voxel side (mm) at which {@link #apply} on a finer grid searches a T1w mixture again: a
     * 2.5 mm cortex fills voxels whose every side is well under its thickness. At 1×1×3 mm (a generated
     * site, two clean scans) searching again moved the middle mean from 303–320 to 318–325 against a
     * pure grey matter of 222 (GM Dice 0.81 / 0.75 → 0.75 / 0.72), so such grids keep the refit. T2w
     * mixtures are searched again on any finer grid: on 1×1×3 mm the fit on the 2×2×6 mm working grid
     * put the middle mean on the grey/white plateau (594–665 against a grey matter near 470, white
     * matter 278) on four of ten generated heads (GM Dice 0.48–0.64); searched again on the scan's
     * voxels, GM 0.92–0.94 on all ten (CSF 0.89–0.91, WM 0.92–0.95), the other six gaining too.
     */
    static final double SEARCH_AGAIN_MAX_MM = 1.5;
    /** Finest voxel side (mm) of the block means the bias field is learnt on ({@link N3Field}). */
    static final double BIAS_GRID_MM = 4;
    /**
     * Range (p95 − p5 over the fit's voxels) of the scan's own field ({@link N3Field}) above which the
     * tissue model is fitted again on values corrected by it. Its own rounds follow the mixture and
     * collapse under a strong field: generated 3 mm heads at bias severity 0.9 (N3's range 0.48–0.68) had
     * GM Dice 0.27–0.34 and WM 0.21–0.41, and one at severity 0.6 (0.43) GM 0.30; fitted after N3, GM
     * 0.83–0.88, WM 0.93–0.95. Always fitting after N3 moved clean 3 mm scans both ways (21 scans: mean
     * CSF 0.758 → 0.749, GM 0.837 → 0.843; one scan's CSF −0.131, another's GM −0.067, a third's GM
     * +0.104), so only strong fields take this path: clean generated scans' inu_range has its 95th
     * percentile at 0.26 (542 scans of 18 cohorts, four above 0.3). Two of those four, refitted: CSF /
     * GM / WM Dice 0.805 / 0.753 / 0.884 → 0.802 / 0.779 / 0.898 and 0.775 / 0.772 / 0.896 → 0.786 /
     * 0.815 / 0.921; clean cohorts at 1 and 3 mm (45 scans) do not reach it and are unchanged.
     */
    static final double STRONG_FIELD = 0.3;
    /**
     * Depth (mm) of the cortical mantle from which the grey-matter mean is placed
     * ({@link PartialVolumeMixture#middleFromCortex}): sulci reach about 20 mm below the brain's surface
     * (16 mm in the generated heads), while the deep grey nuclei lie about 25 mm or more below it.
     */
    static final double MANTLE_MM = 20;
    /**
     * Largest ratio of the working grid's longest to shortest voxel side at which every bias round
     * after the first also searches the mixture afresh on the corrected values and keeps whichever of
     * that and the refitted model is the more likely. The first round sees the values under the whole
     * bias field, and plain EM from the middle mean it found cannot leave that mode once the bias is
     * gone: on generated 3 mm scans of a site with a strong bias field (severity 0.4) and 1.6 % noise,
     * the middle class stayed on the deep grey matter (mean 363–428 against a cortical grey matter of
     * about 245) although, on the corrected values, a middle mean near 200–220 is 1,300 log-likelihood
     * units more likely. Searching again took that site's clean scans from GM Dice 0.48–0.59 to
     * 0.82–0.90 (six scans of cohort seed 1; its seventh stayed at 0.86) and from 0.78 / 0.82 to 0.82 /
     * 0.86 (cohort seed 5); quiet-site and 1 mm scans were unchanged. It adds about 0.2 s to a 1 mm
     * scan's QC (three more searches on the 2 mm working grid); searching again after the first bias
     * round only added about 0.08 s but left one of those scans at 0.78 (0.82 searching every round). On thick
     * slices (1×1×3 mm on a 2×2×6 mm working grid, 3×3×9 mm) the three-tissue model fits the many-tissue
     * voxels worse and its likelihood is no guide: of 22 clean thick-slice scans, searching again raised
     * GM Dice on six (by up to 0.52) and lowered it on eight (by up to 0.15), so they keep the refit,
     * unless the refitted model has no pure middle peak ({@link PartialVolumeMixture#pureMiddlePeak})
     * and a fresh search on the corrected values finds one: then that is taken. A peak of pure grey
     * matter is what the first round's bias field can blur away; without it the middle class went to
     * the grey/white plateau on a 1×1×3 mm scan (middle mean 371–384 against a pure GM of 229, GM Dice
     * 0.41; the third round's fresh search found a peak at 246, GM Dice 0.93). With this rule alone,
     * of 20 clean 1×1×3 mm scans of five generated 1 mm cohorts that one changed (GM Dice +0.51),
     * three by at most 0.003 in GM Dice (0.022 in CSF) either way and the rest not at all, nor did any
     * of 38 3×3×9 mm scans of four cohorts (no pure grey matter there, so no peak).
     */
    static final double SEARCH_AGAIN_ANISOTROPY = 1.5;
    /**
     * Second start of {@link #searched} on nearly isotropic grids: the darkest tissue at this percentile
     * of the values. From the 5th alone the search could end with the dark class on the CSF/GM plateau
     * where CSF is scarce (a generated 4 mm scan of a 48-year-old: CSF / GM means 56 / 95; from the 1st,
     * 37 / 108 at a log-likelihood higher by 271, 32 / 115 after the bias rounds, and CSF / GM Dice
     * 0.50 / 0.74 → 0.76 / 0.88). Only a model of the same kind replaces the first: from the
     * 1st a clean 3 mm scan's search found a pure middle peak at 91 (its grey matter about 120), the
     * plateau artefact {@link PartialVolumeMixture#search} avoids, more likely than the first start's
     * model without one (CSF Dice 0.82 → 0.58 when taken). Thick-slice grids keep the one start: on
     * 3×3×9 mm scans the likelier start moved labels both ways (CSF −0.14 on one, through the mantle's
     * grey-matter mean). On 104 clean generated scans of seven cohorts (1, 3 and 4 mm; 48 isotropic)
     * CSF Dice rose on 24 (by up to 0.26; 0.17, 0.09 and 0.06 on three more 4 mm scans) and fell on
     * seven by at most 0.021, GM rose on 19 (up to 0.14) and fell on six by at most 0.008, WM moved by
     * at most 0.056 up and 0.003 down; thick-slice scans are unchanged (all measured on T1w). The
     * search again on a 1 mm scan's own grid ({@link #apply}) keeps the one start: there pure grey matter
     * forms a peak, the second start moved GM Dice by at most 0.001 on the 12 isotropic 1 mm scans, and
     * it cost about 0.3 s of a 1 mm head's full pipeline (best of four runs 3.50 → 3.18 s without it;
     * 2.95 s with one start everywhere). Two starts in the first round only kept half the gains
     * (CSF 0.50 → 0.72 on that 4 mm scan, none on two others) and lost 0.12 CSF on another.
     */
    static final double LOW_DARK_START = 1;
    /**
     * Finest voxel side (mm, a cortex's thickness) under which a thick-slice scan's voxels hold pure
     * grey matter in-plane, so that {@link #apply} makes a ribbon model plain there
     * ({@link PartialVolumeMixture#dropRibbon}). On fit grids that fine the cortical mantle's search
     * ({@link PartialVolumeMixture#middleFromCortex}) starts plain too: started from the whole brain's
     * ribbon model (r = 0.55 on a 1×1×3 mm scan fitted on 2×2×3 mm blocks) it kept that r, and the
     * plain model made from it on the scan's grid put grey matter at 183 against a true 228 (CSF / GM
     * Dice 0.567 / 0.848 → 0.813 / 0.894). Of the 96 clean scans of twelve generated 1 mm cohorts only
     * 1×1×3 mm scans changed, nine by more than 0.001: that one, another's CSF +0.025, a third's CSF
     * −0.011 and GM −0.014, the rest within 0.003 (mean CSF Dice +0.0003 over the 64 scans the 1 mm
     * rules were set on, +0.007 over the 32 of four cohorts that held that scan). On the 3 and 4 mm
     * grids, where the carried ribbon helps (starting plain there lowered mean CSF Dice by 0.004 and
     * 0.024), the search starts from it as before.
     */
    static final double FINE_IN_PLANE_MM = 2.5;

    /**
     * Coarsest voxel side (mm) above which the mixture may take a ribbon model
     * ({@link PartialVolumeMixture#ribbons}): in voxels with no side above it a 2.5 mm cortex fills
     * voxels, whatever the contrast. The 1.25 mm scans of a generated low-contrast 1.5 T site, fitted
     * on their own grid, found no pure middle peak (grey/CSF difference about three noise SDs) and took
     * ribbons of r = 0.65–0.9, placing the middle mean at 103–132 against a cortical grey matter of
     * 85–94: of that site's eight clean scans in eight 1 mm cohorts, GM Dice 0.833 / 0.523 → 0.939 /
     * 0.872 and CSF 0.708 / 0.789 → 0.828 / 0.925 on the two that had taken one, the other six within
     * 0.002; the search on a 1 mm scan's own grid ({@link #apply}) finds the pure peak and took no
     * ribbon on any of the 64 clean scans of those cohorts.
     */
    static final double RIBBON_MIN_MM = 1.5;

    private TissueSegmentation() {
    }

    /** Fit and apply on the same grid. */
    public static TissueMaps segment(float[] image, boolean[] brain, Grid3 g, TissueConfig config, ProgressListener progress) {
        return apply(fit(image, brain, g, config, progress), image, brain, g, config);
    }

    /**
     * Learns the scan's bias field ({@link N3Field}, a fork-join task beside the rest) and the intensity
     * mixture with the tissue model's own field (alternating, {@code biasRounds} times; {@link #rounds}),
     * on the raw values or, when the scan's field is stronger than {@link #STRONG_FIELD}, again on values
     * corrected by it.
     */
    public static TissueModel fit(float[] image, boolean[] brain, Grid3 g, TissueConfig config, ProgressListener progress) {
        int[] voxels = indices(brain);
        if (voxels.length < 10) {
            return null;
        }
        ForkJoinTask<BiasField> scanBias = ForkJoinTask.adapt(() -> biasField(image, brain, g)).fork();
        Rounds rounds = rounds(image, voxels, brain, g, config, progress);
        BiasField scan = scanBias.join();
        double[] scanLog = scan.logAt(voxels, g);
        if (config.biasRounds() > 0 && range(scanLog) > STRONG_FIELD) {
            float[] corrected = new float[image.length];
            for (int i = 0; i < voxels.length; i++) {
                corrected[voxels[i]] = image[voxels[i]] / (float) Math.exp(scanLog[i]);
            }
            progress.status("tissue segmentation: again after the scan's bias field");
            Rounds again = rounds(corrected, voxels, brain, g, config, progress);
            return new TissueModel(again.mixture, scan, again.bias, true, g.finestMm());
        }
        return new TissueModel(rounds.mixture, scan, rounds.bias, false, g.finestMm());
    }

    /** The mixture and the tissue model's own field that {@link #rounds} found. */
    private record Rounds(PartialVolumeMixture mixture, BiasField bias) {
    }

    /**
     * The mixture alternating with the tissue model's own field, {@code biasRounds} times, on the values
     * of {@code image} at {@code voxels}; the first round locates the middle tissue
     * ({@link PartialVolumeMixture#search}), and later rounds search again: on a nearly isotropic grid
     * always, keeping the more likely model; on thick slices only while the model lacks a pure middle
     * peak ({@link #SEARCH_AGAIN_ANISOTROPY}).
     */
    private static Rounds rounds(float[] image, int[] voxels, boolean[] brain, Grid3 g, TissueConfig config,
            ProgressListener progress) {
        int n = voxels.length;
        float[] x = new float[n];
        BiasField bias = BiasField.flat();
        float[] field = null;
        PartialVolumeMixture mixture = null;
        for (int round = 0; round <= config.biasRounds(); round++) {
            for (int i = 0; i < n; i++) {
                x[i] = field == null ? image[voxels[i]] : image[voxels[i]] / field[voxels[i]];
            }
            if (mixture == null) {
                mixture = searched(x, config, nearlyIsotropic(g), g);
            } else {
                mixture.fit(x, config.emIterations());
                mixture = refitOrFresh(mixture, x, g, config);
            }
            progress.status("tissue segmentation: round " + (round + 1) + " of " + (config.biasRounds() + 1));
            if (round == config.biasRounds()) {
                break;
            }
            bias = biasFrom(image, voxels, x, mixture, g, config);
            field = bias.evaluate(g);
        }
        if (!config.brightCsf()) {
            mixture.middleFromCortex(mantle(x, voxels, brain, g), x, config.emIterations(), g.finestMm() < FINE_IN_PLANE_MM);
        }
        return new Rounds(mixture, bias);
    }

    /** p95 − p5 of the field whose log is {@code log}, as inu_range takes it. */
    private static double range(double[] log) {
        double[] f = new double[log.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.exp(log[i]);
        }
        return OrderStatistics.percentile(f, f.length, 95) - OrderStatistics.percentile(f, f.length, 5);
    }

    /**
     * The N3 field from the positive voxels of {@code brain}, on block means of {@code g} whose finest side
     * is about {@link #BIAS_GRID_MM} (the same physical frame, so the field applies to {@code g}).
     */
    private static BiasField biasField(float[] image, boolean[] brain, Grid3 g) {
        int f = Math.max(1, (int) Math.floor(BIAS_GRID_MM / g.finestMm() + 1e-6));
        Grid3 coarse = f == 1 ? g : Resolution.coarse(g, f);
        float[] values = f == 1 ? image : Resolution.blockMean(image, g, f);
        boolean[] mask = f == 1 ? brain : Resolution.blockMajority(brain, g, f);
        int[] voxels = indices(mask);
        int m = 0;
        for (int v : voxels) {
            if (values[v] > 0) {
                voxels[m++] = v;
            }
        }
        if (m < 10) {
            return BiasField.flat();
        }
        return N3Field.estimate(values, Arrays.copyOf(voxels, m), coarse, N3Field.LATTICE_MM, N3Field.BENDING,
                N3Field.MAX_ITERATIONS);
    }

    /**
     * A mixture placed on {@code x} from scratch ({@link PartialVolumeMixture#search}). With
     * {@code twoStarts} (the fit's rounds on a nearly isotropic grid) it is searched from two starts, the
     * darkest tissue at the 5th ({@link PartialVolumeMixture#DARK_START_PERCENTILE}) and at the 1st
     * ({@link #LOW_DARK_START}) percentile of the values, and the more likely of the two is kept when
     * both have or both lack a pure middle peak ({@link PartialVolumeMixture#pureMiddlePeak}). On the
     * values' grid {@code g} a ribbon model is only tried where a voxel side exceeds
     * {@link #RIBBON_MIN_MM}.
     */
    private static PartialVolumeMixture searched(float[] x, TissueConfig config, boolean twoStarts, Grid3 g) {
        // the two starts are searched side by side (each on its own model; x is only read)
        ForkJoinTask<PartialVolumeMixture> lowStart = !twoStarts ? null : ForkJoinTask.adapt(() -> {
            PartialVolumeMixture low = started(x, config, g, LOW_DARK_START);
            low.search(x, config.emIterations());
            return low;
        }).fork();
        PartialVolumeMixture m = started(x, config, g, PartialVolumeMixture.DARK_START_PERCENTILE);
        m.search(x, config.emIterations());
        if (!twoStarts) {
            return m;
        }
        PartialVolumeMixture low = lowStart.join();
        return low.pureMiddlePeak == m.pureMiddlePeak && low.logLikelihood(x) > m.logLikelihood(x) ? low : m;
    }

    /**
     * A model started on {@code x} ({@link PartialVolumeMixture#initial}, the darkest tissue at
     * {@code darkPercentile} of the values) that knows the contrast of {@code config} and the grid
     * {@code g} the values lie on: whether CSF is the darkest tissue, whether it may take a ribbon
     * ({@link #RIBBON_MIN_MM}) and whether the grid has thick slices ({@link #nearlyIsotropic}).
     */
    private static PartialVolumeMixture started(float[] x, TissueConfig config, Grid3 g, double darkPercentile) {
        PartialVolumeMixture m = PartialVolumeMixture.initial(x, !config.brightCsf(), darkPercentile);
        m.csfDarkest = !config.brightCsf();
        m.ribbons = g.coarsestMm() > RIBBON_MIN_MM;
        m.thickSlices = !nearlyIsotropic(g);
        return m;
    }

    /**
     * A later bias round's model: the {@code refit} or a fresh search on the corrected values
     * {@code x}. On a nearly isotropic grid the more likely of the two, except that on voxels coarser
     * than a cortex (finest side above {@link #FINE_IN_PLANE_MM}) a fresh model with a pure middle peak
     * does not replace a refit without one: there such a peak is the pile-up of cortical voxels at the
     * ribbon's end, the artefact {@link #LOW_DARK_START}'s rule keeps out of the first round. A 3 mm
     * scan of a 22-year-old took it in the third round (middle mean 111.9 → 87.8, cortical grey matter
     * about 100; CSF / GM Dice 0.570 / 0.850 → 0.752 / 0.913 without); the other 71 clean 3 mm and 48
     * 4 mm scans of five generated eight-site cohorts were unchanged, as were 48 of two further 3 mm
     * cohorts measured after. Nor does a fresh model whose middle tissue is the CSF/GM junction
     * ({@link PartialVolumeMixture#middleOnCsfJunction}) replace a refit whose middle tissue is grey
     * matter, however much more likely: on clean 3 mm scans of a quiet 3 T site the first round's
     * ribbon model was right (grey matter about 180, r = 0.85–0.9) and a later round's plain fresh
     * model, more likely by 110–880 log-likelihood units, put the middle mean at 94–115 (CSF Dice
     * 0.44–0.57, GM 0.74–0.82). Of 216 clean 3 mm scans of nine eight-site cohorts that site's nine
     * such scans changed (CSF +0.12 to +0.30, GM +0.10 to +0.16) and one of another site, where the
     * refit kept instead was no better (the middle mean on the grey/white plateau; CSF 0.506 → 0.545,
     * GM 0.826 → 0.707); 96 clean 4 mm and 96 clean 1 mm scans were unchanged. Conversely a fresh
     * grey-matter model replaces a refit whose middle tissue is the grey/white plateau
     * ({@link PartialVolumeMixture#middleOnGreyWhitePlateau}), though less likely (by 2–34 units on the
     * scans it changed): of the 216 3 mm scans above and 96 clean scans of four 4 mm cohorts, GM Dice
     * 0.513 → 0.753 on a 3 mm scan and 0.533 → 0.790 and 0.551 → 0.749 (CSF −0.020) on two 4 mm ones
     * (subjects over 80), CSF 0.572 → 0.765 on a third 4 mm scan; no other scan moved by more than
     * 0.013 (of the 96 1 mm scans two, by at most 0.008). Nor does a fresh model clearly on the plateau
     * ({@link PartialVolumeMixture#middleClearlyOnGreyWhitePlateau}) replace a refit on neither plateau
     * nor junction: in the last bias round of a 3 mm scan of a 25-year-old at the 1.5 T site a fresh
     * model with its middle mean at 166 against a white matter of 210 (ratio 8.9), more likely by 83
     * units, replaced a grey-matter refit (89; ratio 0.66), and a 4 mm scan of a 32-year-old at that
     * site did the same (162 against 213, ratio 3.7, over 109): CSF / GM / WM Dice 0.541 / 0.405 /
     * 0.824 → 0.729 / 0.863 / 0.947 and 0.648 / 0.588 / 0.781 → 0.816 / 0.853 / 0.917 without; no other
     * of the 216 3 mm, 96 4 mm and 96 1 mm clean scans, nor of 80 T2w heads at 3 and 4 mm, changed. At
     * the plateau rule's own ratio (2) two more scans changed, for the worse (GM Dice −0.099 and
     * −0.103): their fresh models, at 2.0–2.4, went back to grey matter in later rounds. On thick
     * slices the fresh one only when it has a pure middle peak and the refit has none
     * ({@link #SEARCH_AGAIN_ANISOTROPY}).
     */
    private static PartialVolumeMixture refitOrFresh(PartialVolumeMixture refit, float[] x, Grid3 g, TissueConfig config) {
        boolean isotropic = nearlyIsotropic(g);
        if (!isotropic && refit.pureMiddlePeak) {
            return refit;
        }
        PartialVolumeMixture fresh = searched(x, config, isotropic, g);
        boolean pileUp = g.finestMm() > FINE_IN_PLANE_MM && fresh.pureMiddlePeak && !refit.pureMiddlePeak;
        boolean junction = fresh.middleOnCsfJunction() && !refit.middleOnCsfJunction();
        boolean plateau = refit.middleOnGreyWhitePlateau() && !fresh.middleOnGreyWhitePlateau()
                && !fresh.middleOnCsfJunction();
        boolean toPlateau = fresh.middleClearlyOnGreyWhitePlateau() && !refit.middleOnGreyWhitePlateau()
                && !refit.middleOnCsfJunction();
        boolean better = isotropic
                ? plateau || !pileUp && !junction && !toPlateau && fresh.logLikelihood(x) > refit.logLikelihood(x)
                : fresh.pureMiddlePeak;
        return better ? fresh : refit;
    }

    /**
     * The values {@code x} (of brain voxels {@code voxels}) of voxels within {@link #MANTLE_MM} of the
     * brain mask's surface.
     */
    private static float[] mantle(float[] x, int[] voxels, boolean[] brain, Grid3 g) {
        boolean[] outside = new boolean[brain.length];
        for (int v = 0; v < brain.length; v++) {
            outside[v] = !brain[v];
        }
        float[] depth = DistanceTransform.distanceTo(outside, g);
        int m = 0;
        for (int v : voxels) {
            m += depth[v] <= MANTLE_MM ? 1 : 0;
        }
        float[] out = new float[m];
        for (int i = 0, k = 0; i < voxels.length; i++) {
            if (depth[voxels[i]] <= MANTLE_MM) {
                out[k++] = x[i];
            }
        }
        return out;
    }

    /** The bias field from log(raw) − log(expected pure mean) on the voxels whose posterior is mostly pure. */
    private static BiasField biasFrom(float[] image, int[] voxels, float[] x, PartialVolumeMixture mixture, Grid3 g,
            TissueConfig config) {
        int n = voxels.length;
        double[] residual = new double[n];
        int[] used = new int[n];
        int m = 0;
        PartialVolumeMixture.Table table = tabulate(mixture, x);
        float[] d = new float[PartialVolumeMixture.VALUES];
        for (int i = 0; i < n; i++) {
            float raw = image[voxels[i]];
            if (!(raw > 0)) {
                continue;
            }
            table.at(x[i], d);
            double expected = d[PartialVolumeMixture.PURE_MEAN];
            if (d[PartialVolumeMixture.PURE] >= PURE_FOR_BIAS && expected > 0) {
                residual[m] = Math.log(raw) - Math.log(expected);
                used[m++] = voxels[i];
            }
        }
        return BiasField.estimate(Arrays.copyOf(residual, m), Arrays.copyOf(used, m), g, config.biasBlockMm(),
                config.biasSmoothingBlocks());
    }

    /**
     * Bias, corrected image, fractions and labels on grid {@code g} (same physical frame as the fit). On a
     * finer grid than the fit's whose voxel sides are all at most {@link #SEARCH_AGAIN_MAX_MM} (T2w: any
     * finer grid), the mixture is searched again on this grid's values (bias-corrected by the model), not
     * refitted from the model's. On a finer grid with thick slices but a finest side under
     * {@link #FINE_IN_PLANE_MM} (1×1×3 mm scans fitted on 2 mm blocks in-plane) a ribbon model is first
     * made plain ({@link PartialVolumeMixture#dropRibbon}): the ribbon says the cortex is thinner than
     * the fit's blocks, while in these voxels it fills many in-plane; kept, the ribbon's middle mean (313
     * on one scan, where pure GM is about 237) took grey matter to the CSF side. Of 25 clean 1×1×3 mm
     * scans of seven generated 1 mm cohorts, GM Dice rose on ten (0.50 → 0.87, 0.61 → 0.88, 0.63 →
     * 0.90, 0.74 → 0.92, 0.75 → 0.89, 0.77 → 0.89, 0.83 → 0.92, 0.85 → 0.92, 0.85 → 0.93, 0.86 →
     * 0.90), fell on four (0.94 → 0.92, 0.88 → 0.86, 0.895 → 0.888, 0.889 → 0.884), and all 25 reach
     * 0.85 (17 before). Five of the 25 (two cohorts) were measured only after the rule was set. Taking
     * instead a later round's fresh search whenever it was more likely fixed most of the same scans on
     * the first 20 but took a held-out one from 0.94 to 0.50.
     *
     * <p>On any thick-slice grid (not {@link #nearlyIsotropic}) a ribbon model is made plain too: the
     * ribbon stands for a cortex thinner than the voxel in every direction, while thick slices are thin
     * along one axis only. On three 3×3×9 mm scans its pure middle mean (332–356) put the grey/white cut
     * at 414–419, where the cuts that best reproduce the truth's labels from the corrected intensities
     * lie at 168–188 (CSF/GM) and 336–374 (GM/WM). Of 61 clean 3×3×9 and 4×4×12 mm scans of eight
     * generated cohorts, GM Dice rose on 55 (by 0.04–0.20: 0.73 → 0.87, 0.68 → 0.88, 0.50 → 0.64,
     * 0.35 → 0.49, ...), was unchanged on four (no ribbon) and fell on two (0.80 → 0.75, 0.64 → 0.62);
     * WM Dice rose on 55, CSF Dice on 52. Those best intensity cuts, given the true intracranial mask,
     * reach GM Dice 0.75–0.90 on seven of the scans: at this slice thickness 0.85 is out of reach of
     * intensity alone on some scans.
     */
    public static TissueMaps apply(TissueModel model, float[] image, boolean[] brain, Grid3 g, TissueConfig config) {
        return apply(model, image, brain, brain, g, config);
    }

    /**
     * {@link #apply(TissueModel, float[], boolean[], Grid3, TissueConfig)} with the mixture searched or
     * refitted on the voxels of {@code brain} that {@code fitBrain} holds alone, and the maps made for
     * every voxel of {@code brain}: a skull-stripped scan's mask leaves its outer voxels out
     * ({@code BrainMask.strippedFitVoxels}), a mask cut at bone is fitted before its edge is smoothed
     * ({@code BrainMask.smoothedEdge}), and a thick-slice mask without the slices carried into it
     * ({@code BrainMask.withDroppedSlices}).
     */
    public static TissueMaps apply(TissueModel model, float[] image, boolean[] brain, boolean[] fitBrain, Grid3 g,
            TissueConfig config) {
        int size = image.length;
        float[] bias = model == null ? filled(size) : model.bias.evaluate(g);
        float[] corrected = new float[size];
        ParallelRanges.forEachBySize(0, size, CHUNK, (from, to) -> {
            for (int v = from; v < to; v++) {
                corrected[v] = image[v] / bias[v];
            }
        });
        int[] voxels = indices(brain);
        if (model == null || voxels.length < 10) {
            return new TissueMaps(new byte[size], new float[3][size], bias, corrected, new double[3]);
        }
        double[] tissueBias = model.tissueBias.logAt(voxels, g);
        float[] base = model.afterScanBias ? corrected : image;
        float[] x = new float[voxels.length];
        ParallelRanges.forEachBySize(0, x.length, CHUNK, (from, to) -> {
            for (int i = from; i < to; i++) {
                x[i] = base[voxels[i]] / (float) Math.exp(tissueBias[i]);
            }
        });
        float[] xFit = x;
        int m = 0;
        for (int v : voxels) {
            m += fitBrain[v] ? 1 : 0;
        }
        if (m < voxels.length && m >= 10) {
            xFit = new float[m];
            for (int i = 0, k = 0; i < x.length; i++) {
                if (fitBrain[voxels[i]]) {
                    xFit[k++] = x[i];
                }
            }
        }
        PartialVolumeMixture mixture;
        if (g.finestMm() < model.fitFinestMm && (g.coarsestMm() <= SEARCH_AGAIN_MAX_MM || config.brightCsf())) {
            // one start: pure grey matter forms a peak at this resolution (LOW_DARK_START)
            mixture = searched(xFit, config, false, g);
        } else {
            mixture = model.mixture.copy();
            if (g.finestMm() < model.fitFinestMm && g.finestMm() < FINE_IN_PLANE_MM || !nearlyIsotropic(g)) {
                mixture.dropRibbon();
            }
            mixture.fit(xFit, config.emIterations());
        }
        PartialVolumeMixture.Table table = tabulate(mixture, x);
        byte[] labels = new byte[size];
        float[][] pvms = new float[3][size];
        int[] tissueOfRank = config.brightCsf() ? new int[] {2, 1, 0} : new int[] {0, 1, 2};
        ParallelRanges.forEachBySize(0, x.length, CHUNK, (from, to) -> {
            float[] d = new float[PartialVolumeMixture.VALUES];
            for (int i = from; i < to; i++) {
                table.at(x[i], d);
                int best = 0;
                for (int r = 0; r < 3; r++) {
                    pvms[tissueOfRank[r]][voxels[i]] = d[r];
                    if (d[r] > d[best]) {
                        best = r;
                    }
                }
                labels[voxels[i]] = (byte) (tissueOfRank[best] + 1);
            }
        });
        double[] means = new double[3];
        for (int r = 0; r < 3; r++) {
            means[tissueOfRank[r]] = mixture.mean[r];
        }
        return new TissueMaps(labels, pvms, bias, corrected, means);
    }

    /** The mixture's description tabulated over the range of {@code x}. */
    private static PartialVolumeMixture.Table tabulate(PartialVolumeMixture mixture, float[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return mixture.table(min, max, TABLE_POINTS);
    }

    /** True when no voxel side of {@code g} exceeds {@link #SEARCH_AGAIN_ANISOTROPY} times the shortest. */
    static boolean nearlyIsotropic(Grid3 g) {
        return g.coarsestMm() <= SEARCH_AGAIN_ANISOTROPY * g.finestMm();
    }

    /** Voxels per task of the per-voxel loops of {@link #apply}, whose voxels are independent. */
    private static final int CHUNK = 1 << 16;

    /** The indices of the set voxels, ascending. */
    private static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        for (int v = 0, i = 0; v < mask.length; v++) {
            if (mask[v]) {
                out[i++] = v;
            }
        }
        return out;
    }

    private static float[] filled(int size) {
        float[] out = new float[size];
        Arrays.fill(out, 1f);
        return out;
    }
}
