package org.neurocurate.quality.tissue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.neurocurate.quality.iqm.OrderStatistics;
import org.neurocurate.quality.iqm.ParallelRanges;

/**
 * The intensity model of a brain imaged with partial volume: three pure tissue classes, Gaussian
 * N(μ<sub>k</sub>, σ²), and two mixed classes between tissues adjacent in intensity (CSF/GM
 * and GM/WM on T1w), whose voxels hold a fraction α of the brighter tissue with α uniform on [0, 1]:
 * p<sub>ab</sub>(x) = ∫<sub>0</sub><sup>1</sup> N(x; (1−α)μ<sub>a</sub> + αμ<sub>b</sub>,
 * σ²) dα, integrated by the midpoint rule on {@link #STEPS} values
 * of α (Santago &amp; Gage, IEEE TMI 12(3):566–574, 1993; Shattuck et al., NeuroImage 13(5):856–876,
 * 2001, BrainSuite's partial-volume classifier).
 *
 * <p>When the middle tissue is a layer thinner than the voxel (a 2.5 mm cortex at 3–4 mm), no voxel is
 * pure middle tissue and the mixed classes end short of its mean: with r the layer's thickness over
 * the voxel size, the darker mixed class holds middle fractions rα, the brighter r(1 − α), and a
 * ribbon class the voxels that straddle the whole layer, (1 − r)(1 − α), r, (1 − r)α ({@link #mixes},
 * fractions linear in the voxel's position along the layer's normal). r is chosen by profile
 * likelihood ({@link #search}); r = 1 is the plain model. A uniform outlier class over the values'
 * range takes voxels of no brain tissue ({@link #outlier}).
 *
 * <p>Fitted by EM (Dempster, Laird &amp; Rubin, JRSS-B 39(1):1–38, 1977) on a histogram of the values
 * (O(bins) per iteration). Every component's mean is linear in (μ<sub>0</sub>, μ<sub>1</sub>,
 * μ<sub>2</sub>), so the M-step for the pure means is one weighted least-squares solve over all
 * components: mixed voxels inform the pure means instead of pulling them towards each other, which
 * is what a three-Gaussian mixture does at 2–4 mm, where a 2.5 mm cortex has few pure voxels.
 *
 * <p>Classes are indexed in intensity order: 0 darkest pure, 1 mixed 0/1, 2 middle pure, 3 mixed 1/2,
 * 4 brightest pure, then 5 the ribbon class; tissues (pure means) 0, 1, 2 in intensity order.
 */
final class PartialVolumeMixture {

    static final int TISSUES = 3;
    static final int CLASSES = 6;
    /** Class of the voxels that straddle a middle-tissue ribbon thinner than themselves (all three tissues). */
    private static final int RIBBON = 5;
    /** Entries of a value's description: fractions of tissues 0–2, then {@link #PURE}, then {@link #PURE_MEAN}. */
    static final int VALUES = 5;
    /** Index of the posterior of the pure classes in a description. */
    static final int PURE = 3;
    /** Index of the posterior-weighted mean of the pure classes in a description. */
    static final int PURE_MEAN = 4;
    /** Midpoint-rule steps of α per mixed class. */
    private static final int STEPS = 16;
    private static final int COMPONENTS = TISSUES + 3 * STEPS;
    /** Index of the outlier component (after the tissue components) in per-component arrays. */
    private static final int OUTLIER = COMPONENTS;
    private static final int BINS = 1024;
    /** Candidate middle means of the profile-likelihood search, and EM iterations scoring each. */
    private static final int SEARCH_STEPS = 9;
    private static final int SEARCH_ITERATIONS = 8;
    private static final double INITIAL_OUTLIER = 0.01;
    /** Percentile of the values at which {@link #initial(float[], boolean)} starts the darkest tissue. */
    static final double DARK_START_PERCENTILE = 5;

    private double logLikelihood;
    /** Pure tissue means, ascending. */
    final double[] mean = new double[TISSUES];
    /** The standard deviation shared by every component (noise and tissue texture). */
    double sd;
    /** Class weights (sum 1), indexed by class. */
    final double[] weight = new double[CLASSES];
    /**
     * Weight of the outlier class, uniform over the values' range: voxels of other tissues the brain
     * mask holds (a few bright scalp voxels at its edge), which the pure classes would otherwise absorb
     * by widening the shared σ (doubling it on one generated head). The class weights sum to 1 minus this.
     */
    double outlier = INITIAL_OUTLIER;
    /** Range of the values the model was last fitted on: the outlier class's support. */
    private double span = 1;
    /** Largest fraction of the middle tissue a voxel holds ({@link #search}); 1 when it has pure voxels. */
    double ribbon = 1;
    /**
     * {@link #search} may replace the plain model by a ribbon model ({@link #ribbonProfile}); false on
     * grids whose voxels the cortex fills ({@link TissueSegmentation#RIBBON_MIN_MM}).
     */
    boolean ribbons = true;
    /**
     * CSF is the darkest tissue (T1w), else the brightest (T2w): the mixed class between the darkest
     * and the middle tissue is then the CSF/GM one, else the one between the middle and the brightest
     * ({@link #ribbonProfile}, {@link #middleOnCsfJunction}). Set where a model is first made
     * ({@code TissueSegmentation}); copies keep it.
     */
    boolean csfDarkest = true;
    /** The middle mean came from the cortical mantle ({@link #middleFromCortex}) and later fits hold it. */
    boolean middleHeld;
    /**
     * True when the last {@link #search} placed the middle mean on a pure middle class that forms a
     * peak ({@link #formsPeak}), the strongest evidence it has of where pure grey matter lies.
     */
    boolean pureMiddlePeak;
    /**
     * The values are those of a thick-slice grid (not {@link TissueSegmentation#nearlyIsotropic}), whose
     * many-tissue voxels the model fits worse, so that its likelihood cannot choose between a model
     * whose middle tissue is the CSF/GM junction and a grey-matter one ({@link #besideCsfJunction}).
     * Set where a model is first made ({@code TissueSegmentation}); copies keep it.
     */
    boolean thickSlices;

    /**
     * Starts with the darkest and brightest tissues at the 5th and 95th percentiles (inside a brain mask
     * both are pure tissue: CSF and WM each fill well over 5 % of it), the middle one halfway, and equal
     * weights. The 10th percentile, used before, cleared a thin rim of dark skull the mask held, which at
     * the 5th became the darkest class on the HeadPhantom scans; since the mask is cut at dark bone and
     * the fit leaves bone-dark voxels out ({@code BrainMask.BoneThresholds}), the 10th lay too high on
     * coarse scans with little CSF: on cohort seed 41 at 4 mm (air-dark skull), GM Dice 0.74 / 0.54 /
     * 0.53 on three of its seven clean isotropic scans, 0.88 / 0.83 / 0.81 from the 5th.
     *
     * <p>When the brightest tissue is also the largest ({@code brightestIsLargest}: white matter on T1w),
     * it starts at the mode of the brightest 30 % of the values instead ({@link #upperMode}): a mask that took
     * in a slab of scalp or orbital fat (brighter still) puts its 95th percentile on the fat, and EM then
     * kept the brightest class there, with grey matter's class on the white matter (generated 3×3×9 mm
     * heads whose bottom slices lie on the face, 8–11 % of the mask scalp: white-matter mean 734–767
     * against 490, tpm_overlap_wm 0.003). Their white matter's peak stays the mode, and EM from there
     * keeps the brightest class on it (mean 502–503). Not the upper half's mode: grey matter fills more
     * of a brain than white matter (46 % against 31 % in HeadPhantom), so the median can fall on its
     * peak, whose upper flank was then the mode; white matter still fills the brightest 30 %. T2w's
     * brightest tissue, CSF, is not the largest.
     */
    static PartialVolumeMixture initial(float[] x, boolean brightestIsLargest) {
        return initial(x, brightestIsLargest, DARK_START_PERCENTILE);
    }

    /** {@link #initial(float[], boolean)} with the darkest tissue starting at {@code darkPercentile} of the values. */
    static PartialVolumeMixture initial(float[] x, boolean brightestIsLargest, double darkPercentile) {
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i];
        }
        double lo = OrderStatistics.percentile(values, values.length, darkPercentile);
        double hi = brightestIsLargest ? upperMode(values)
                : OrderStatistics.percentile(values, values.length, 95);
        double s = Math.max((hi - lo) / 10, 1e-6 * Math.max(1, Math.abs(hi)));
        PartialVolumeMixture m = new PartialVolumeMixture();
        double[] mu = {lo, (lo + hi) / 2, hi};
        System.arraycopy(mu, 0, m.mean, 0, TISSUES);
        m.sd = s;
        Arrays.fill(m.weight, (1 - INITIAL_OUTLIER) / (CLASSES - 1));
        m.weight[RIBBON] = 0;
        return m;
    }

    /** Bins of {@link #upperMode}'s histogram, and the half-width of its moving sum (in bins). */
    private static final int MODE_BINS = 128;
    private static final int MODE_HALF_WIDTH = 3;

    /**
     * The mode of the values between their 70th and 99.5th percentiles: the centre of the 128-bin
     * histogram's bin with the largest sum over itself and three bins either side.
     */
    private static double upperMode(double[] values) {
        double from = OrderStatistics.percentile(values, values.length, 70);
        double to = OrderStatistics.percentile(values, values.length, 99.5);
        if (!(to > from)) {
            return to;
        }
        double[] counts = new double[MODE_BINS];
        double width = (to - from) / MODE_BINS;
        for (double v : values) {
            if (v >= from && v <= to) {
                counts[(int) Math.min(MODE_BINS - 1, (v - from) / width)]++;
            }
        }
        int best = 0;
        double bestSum = -1;
        for (int k = 0; k < MODE_BINS; k++) {
            double sum = 0;
            for (int j = Math.max(0, k - MODE_HALF_WIDTH); j <= Math.min(MODE_BINS - 1, k + MODE_HALF_WIDTH); j++) {
                sum += counts[j];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = k;
            }
        }
        return from + (best + 0.5) * width;
    }

    /** An independent copy (to refit on another grid). */
    PartialVolumeMixture copy() {
        PartialVolumeMixture m = new PartialVolumeMixture();
        System.arraycopy(mean, 0, m.mean, 0, TISSUES);
        m.sd = sd;
        m.ribbon = ribbon;
        m.outlier = outlier;
        m.span = span;
        m.ribbons = ribbons;
        m.middleHeld = middleHeld;
        m.pureMiddlePeak = pureMiddlePeak;
        m.csfDarkest = csfDarkest;
        m.thickSlices = thickSlices;
        System.arraycopy(weight, 0, m.weight, 0, CLASSES);
        return m;
    }

    /**
     * Fits the model from its current state, placing the middle tissue first. The middle mean is the
     * least determined parameter: at 2–4 mm a 2.5 mm cortex has almost no pure voxels, EM only crawls
     * along the likelihood ridge, and the likelihood's maximum puts a narrow pure middle class on the
     * end of the CSF/GM plateau (below the pure GM mean on T1w). So after a free EM fit (outer means,
     * σ), the middle mean is chosen by profile likelihood (values spread over the middle 80 % between
     * the outer means, coarsely, {@link #SEARCH_STEPS} values, then finely around the best, each scored
     * after {@link #SEARCH_ITERATIONS} EM iterations with it held): with a pure middle class when that
     * class then forms a peak on the mixed plateaus ({@link #formsPeak}; 1–2 mm, where pure GM exists),
     * else without one, which puts it at the junction of the two plateaus (3 mm: on generated heads
     * 95–101 against a pure GM signal of 113, where the pure-class maximum gives 84–91). Free EM then
     * refines every parameter from there. Without a pure middle peak, that junction is only where the
     * dark plateau ends: a cortex thinner than the voxel never fills one, so a ribbon model
     * ({@link #mixes}, r from {@link #ribbonProfile}) replaces the plain one when it fits better, and
     * places the middle mean beyond the plateau's end (3 mm generated heads: 108–111 against 113),
     * unless the voxels are small enough for the cortex to fill them ({@link #ribbons}). Before that, a
     * plain model whose middle tissue is the CSF/GM junction ({@link #middleOnCsfJunction}) is searched
     * again on grey matter's side of it ({@link #besideCsfJunction}).
     */
    void search(float[] x, int iterations) {
        pureMiddlePeak = false;
        Histogram h = Histogram.of(x);
        if (h == null) {
            return;
        }
        em(h, iterations, Mode.FREE);
        PartialVolumeMixture withPure = profile(h, Mode.HELD);
        withPure.em(h, iterations, Mode.HELD);
        pureMiddlePeak = withPure.formsPeak();
        if (pureMiddlePeak) {
            mean[1] = withPure.mean[1];
            em(h, iterations, Mode.FREE);
            return;
        }
        mean[1] = profile(h, Mode.PROFILE).mean[1];
        em(h, iterations, Mode.FREE);
        if (middleOnCsfJunction()) {
            PartialVolumeMixture beside = besideCsfJunction(h, iterations);
            if (beside != null && (thickSlices || middleNearerCsf() || beside.logLikelihood > logLikelihood(h))) {
                adopt(beside);
            }
        }
        PartialVolumeMixture best = ribbons ? ribbonProfile(h, iterations) : null;
        if (best != null) {
            adopt(best);
            em(h, iterations, Mode.FREE);
        }
    }

    /** Middle means {@link #besideCsfJunction} tries. */
    private static final int BESIDE_JUNCTION_STEPS = 12;
    /** Fraction of the way between the outer means by which {@link #besideCsfJunction} stops short of the far one. */
    private static final double BESIDE_JUNCTION_MARGIN = 0.02;

    /**
     * The likeliest model, fitted in full, whose middle mean starts on grey matter's side of this one's
     * (between it and the outer mean of white matter, at {@link #BESIDE_JUNCTION_STEPS} evenly spaced
     * values short of {@link #BESIDE_JUNCTION_MARGIN} of the way) and does not end on the CSF/GM junction
     * ({@link #middleOnCsfJunction}); null when every one does. Each candidate gets
     * {@link #SEARCH_ITERATIONS} EM iterations with its middle mean held and no pure middle class, as in
     * the profile, then {@code iterations} of free EM. The profile ranks candidates after those few held
     * iterations, too few for the outer class to give up the grey matter it holds, which can rank the
     * junction first although a grey-matter model is far more likely once fitted: on generated T2w heads
     * on a 4 mm grid (eight site templates, 40 heads), about half the isotropic ones took the junction
     * (middle mean 1,257 against a CSF of 1,482 and a grey matter near 630; darkest class 498 between
     * white matter's 472 and grey matter), while the model from grey matter's side (473 / 632 / 1,481)
     * was more likely by 320 log-likelihood units. {@link #search} takes the candidate only when it is
     * the more likely: 40 T2w heads on the 4 mm grid, mean CSF / GM Dice 0.573 / 0.615 → 0.757 / 0.759,
     * 16 heads gained (CSF 0.243–0.300 → 0.831–0.879 on eleven 4 and 4×4×4.8 mm ones), none lost more
     * than 0.016, all three tissues ≥ 0.85 on 8 instead of 1; on the 3 mm grid two gained (CSF 0.279 →
     * 0.866 and 0.839 → 0.851), no other changed; 16 T2w heads at 1 mm and the 408 clean T1w scans of
     * the 1, 3 and 4 mm cohorts of {@link TissueSegmentation#refitOrFresh} were unchanged. Taken
     * whenever it is not on the junction, more likely or not, it cost CSF Dice 0.11–0.44 on six heads
     * where the junction model was the more likely: five 5 mm heads of the 1.5 T template, and a
     * 3×3×4.5 mm one through the cortical mantle's search ({@link #middleFromCortex}).
     *
     * <p>On thick slices ({@link #thickSlices}) {@link #search} takes the candidate whatever its
     * likelihood: there the junction model was the more likely on T2w heads whose grey matter it lost.
     * Of the ten generated T2w heads on 3×3×9 and 4×4×12 mm voxels among the 40 of each grid above,
     * CSF / GM Dice rose on five (0.380 / 0.465 → 0.703 / 0.680, 0.273 / 0.453 → 0.410 / 0.597,
     * 0.263 / 0.376 → 0.737 / 0.730 at 3×3×9 mm; 0.330 / 0.544 → 0.548 / 0.679, 0.350 / 0.504 → 0.488 /
     * 0.592 at 4×4×12 mm) and fell on two (0.750 / 0.717 → 0.700 / 0.687, 0.507 / 0.556 → 0.466 /
     * 0.533); the 408 clean T1w scans above and the two 1×1×3 mm T2w heads were unchanged.
     *
     * <p>Nor does the likelihood decide where a T2w middle mean lies nearer CSF than white matter
     * ({@link #middleNearerCsf}), which grey matter's never does: of 40 generated T2w heads on the
     * 4 mm grid, four of the five of a 4×4×6 mm site went from CSF / GM Dice 0.19–0.33 / 0.42–0.48 to
     * 0.78–0.82 / 0.76–0.81, a 5 mm head from 0.537 / 0.610 to 0.769 / 0.710, and two other 5 mm heads
     * lost (CSF −0.04, GM −0.07 and −0.12); of the ten 3×3×9 and 4×4×12 mm heads on both grids, CSF
     * rose by 0.035–0.195 on seven, the others moved by under 0.005. Mean CSF / GM Dice 0.747 / 0.767 →
     * 0.815 / 0.801 on the 4 mm grid, 0.864 / 0.873 → 0.870 / 0.877 on the 3 mm one; T1w is untouched.
     */
    private PartialVolumeMixture besideCsfJunction(Histogram h, int iterations) {
        double at = (mean[1] - mean[0]) / (mean[2] - mean[0]);
        double from = csfDarkest ? at : BESIDE_JUNCTION_MARGIN;
        double to = csfDarkest ? 1 - BESIDE_JUNCTION_MARGIN : at;
        double step = (to - from) / (BESIDE_JUNCTION_STEPS + 1);
        PartialVolumeMixture[] candidates = IntStream.range(0, BESIDE_JUNCTION_STEPS).parallel().mapToObj(i -> {
            PartialVolumeMixture candidate = copy();
            candidate.mean[1] = mean[0] + (from + (i + 1) * step) * (mean[2] - mean[0]);
            candidate.weight[2] = 0;
            candidate.em(h, SEARCH_ITERATIONS, Mode.PROFILE);
            candidate.em(h, iterations, Mode.FREE);
            candidate.logLikelihood = candidate.middleOnCsfJunction() ? Double.NEGATIVE_INFINITY
                    : candidate.em(h, 1, Mode.FREE);
            return candidate;
        }).toArray(PartialVolumeMixture[]::new);
        PartialVolumeMixture best = candidates[likeliest(candidates)];
        return best.logLikelihood == Double.NEGATIVE_INFINITY ? null : best;
    }

    /** Takes the fitted parameters (means, weights, σ, outlier class, ribbon fraction) of {@code fitted}. */
    private void adopt(PartialVolumeMixture fitted) {
        System.arraycopy(fitted.mean, 0, mean, 0, TISSUES);
        System.arraycopy(fitted.weight, 0, weight, 0, CLASSES);
        sd = fitted.sd;
        outlier = fitted.outlier;
        span = fitted.span;
        ribbon = fitted.ribbon;
    }

    /** Ribbon fractions tried by {@link #ribbonProfile}. */
    private static final double[] RIBBONS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

    /**
     * The best ribbon model, or null unless it beats this one (plain mixed classes) in likelihood and
     * the likelihood peaks inside the range of r tried: when it still rises at the widest r, the data
     * ask for a pure middle class, which a ribbon class near r = 1 only mimics with more freedom (on
     * generated heads at 2 mm and at 3×3×9 mm, taking such a ribbon raised the GM mean by 6–31 and cost
     * GM Dice up to 0.06). A candidate keeps the end of the CSF/GM plateau where this model's middle
     * mean put it, the end a plain model's middle mean sits on: on T1w the dark one, μ<sub>0</sub> +
     * r(μ<sub>1</sub> − μ<sub>0</sub>), on T2w ({@link #csfDarkest} false) the bright one,
     * μ<sub>2</sub> − r(μ<sub>2</sub> − μ<sub>1</sub>); and is scored after {@code iterations} of free
     * EM. T2w candidates kept the grey/white end before, which pushed the middle mean towards CSF: of 40
     * generated T2w heads over the eight site templates at 3 mm, mean CSF / GM Dice 0.810 / 0.828 →
     * 0.825 / 0.844 (the largest gain +0.16 CSF on a 3×3×9 mm scan, most +0.01–0.03; two scans lost
     * 0.026 and 0.011 GM), and at 4 mm (4–5 mm voxels) 0.541 / 0.600 → 0.573 / 0.615: five 5 mm 1.5 T
     * scans CSF +0.11 to +0.25, GM +0.07 to +0.15, while seven 4 mm ones lost 0.009–0.045 GM (five of
     * them from 0.865–0.885 to 0.835–0.840), where the grey/white end had happened to fit better. On
     * 3 mm generated heads the likelihood peaks at r = 0.8–0.9 (a 2.5 mm cortex in 3 mm voxels is
     * 0.83); without {@link #capRibbon} it peaked at r = 0.5, a wide ribbon class holding the deep and
     * cerebellar GM.
     *
     * <p>A candidate whose middle mean would start at or beyond the brightest tissue's (a small r on a
     * model whose middle already lies high; on T2w at or below the darkest's) is left out: it is no
     * model of three tissues in intensity order ({@link #mean} ascending), and EM cannot bring it back,
     * since the M-step only takes ordered means ({@link #maximise}). On a clean generated 4×4×4.8 mm
     * scan of an 81-year-old such a candidate (r = 0.55, middle mean 332 against a white matter of
     * 240) won a later bias round's fresh search on values N3 had corrected and stayed: grey matter
     * took no voxel (GM Dice 0.003, CSF 0.643); left out, GM 0.727 and CSF 0.844. No other of 312 clean
     * 3 and 4 mm scans (13 eight-site cohorts) changed, nor did any of 96 clean 1 mm scans (twelve
     * cohorts).
     */
    private PartialVolumeMixture ribbonProfile(Histogram h, int iterations) {
        double plain = logLikelihood(h);
        PartialVolumeMixture[] candidates = IntStream.range(0, RIBBONS.length).parallel().mapToObj(i -> {
            double r = RIBBONS[i];
            PartialVolumeMixture candidate = copy();
            candidate.ribbon = r;
            candidate.mean[1] = csfDarkest ? mean[0] + (mean[1] - mean[0]) / r : mean[2] - (mean[2] - mean[1]) / r;
            if (csfDarkest ? !(candidate.mean[1] < candidate.mean[2]) : !(candidate.mean[1] > candidate.mean[0])) {
                candidate.logLikelihood = Double.NEGATIVE_INFINITY;
                return candidate;
            }
            candidate.weight[RIBBON] = candidate.weight[csfDarkest ? 1 : 3] * (1 - r) / r;
            candidate.em(h, iterations, Mode.FREE);
            candidate.logLikelihood = candidate.em(h, 1, Mode.FREE);
            return candidate;
        }).toArray(PartialVolumeMixture[]::new);
        int bestIndex = likeliest(candidates);
        PartialVolumeMixture best = candidates[bestIndex];
        return best.logLikelihood > plain && bestIndex < RIBBONS.length - 1 ? best : null;
    }

    /** The best middle mean for the mode, coarsely then finely around the best coarse value. */
    private PartialVolumeMixture profile(Histogram h, Mode mode) {
        double step = 0.8 / (SEARCH_STEPS - 1);
        PartialVolumeMixture best = profile(h, 0.1, step, SEARCH_STEPS, null, mode);
        double centre = (best.mean[1] - mean[0]) / (mean[2] - mean[0]);
        return profile(h, centre - step / 2, step / SEARCH_STEPS, SEARCH_STEPS, best, mode);
    }

    /**
     * True when the pure middle class is a peak on the mixed plateaus: its density at its mean,
     * π<sub>2</sub>/(√(2π)σ), exceeds theirs, π<sub>1</sub>/(μ<sub>1</sub> − μ<sub>0</sub>) +
     * π<sub>3</sub>/(μ<sub>2</sub> − μ<sub>1</sub>). Otherwise it is a narrow class on the end of a
     * plateau, the partial-volume artefact {@link #search} avoids.
     */
    private boolean formsPeak() {
        double pure = weight[2] / (Math.sqrt(2 * Math.PI) * sd);
        double plateaus = weight[1] / (mean[1] - mean[0]) + weight[3] / (mean[2] - mean[1]);
        return pure > plateaus;
    }

    /**
     * The best of {@code best} and the candidates with the middle mean at fractions
     * {@code from + i·step} (i &lt; count) of the way between this model's outer means.
     */
    private PartialVolumeMixture profile(Histogram h, double from, double step, int count, PartialVolumeMixture best,
            Mode mode) {
        PartialVolumeMixture[] candidates = IntStream.range(0, count).parallel().mapToObj(i -> {
            PartialVolumeMixture candidate = copy();
            candidate.mean[1] = mean[0] + (from + i * step) * (mean[2] - mean[0]);
            if (mode == Mode.PROFILE) {
                candidate.weight[2] = 0;
            }
            candidate.logLikelihood = candidate.em(h, SEARCH_ITERATIONS, mode);
            return candidate;
        }).toArray(PartialVolumeMixture[]::new);
        PartialVolumeMixture likeliest = candidates[likeliest(candidates)];
        return best == null || likeliest.logLikelihood > best.logLikelihood ? likeliest : best;
    }

    /**
     * Index of the likeliest candidate, the first of equals: the choice a loop over them in order makes,
     * so fitting them in parallel (each on its own copy, the histogram only read) changes nothing.
     */
    private static int likeliest(PartialVolumeMixture[] candidates) {
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i].logLikelihood > candidates[best].logLikelihood) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Largest ratio of the weight of the mixed class between CSF and the middle tissue to that of the
     * mixed class between the middle tissue and the other ({@link #middleOnCsfJunction}). Grey matter
     * borders CSF at its outer surface and white matter at its inner one, and both layers hold many
     * voxels: in the bias rounds of seven clean generated 3 mm scans (a 1.5 T and two 3 T sites) the
     * ratio was 0.56–1.00 for models whose middle mean was grey matter's and 0.06–0.10 for those that
     * had put it on the CSF/GM junction (grey matter's voxels then sit in the mixed class above it).
     */
    static final double CSF_JUNCTION_MIX_RATIO = 0.25;

    /**
     * True when the middle tissue is the junction of CSF and grey matter rather than grey matter: the
     * mixed class between CSF ({@link #csfDarkest}) and the middle tissue holds under
     * {@link #CSF_JUNCTION_MIX_RATIO} of the weight of the one between the middle tissue and the other.
     * The middle mean's position alone does not tell them apart: a generated 1.5 T site's grey matter
     * lies 0.21–0.24 of the way from CSF to white matter, the junction models of a 3 T site 0.14–0.21
     * (grey matter 0.37–0.43). On real scans MRIQC's grey-matter median lies 0.34–0.79 of the way
     * (1,101 ABIDE T1w scans, ../shared/data/mriqc/x_abide.csv). On T2w it does: a middle mean nearer
     * CSF than white matter ({@link #middleNearerCsf}) is the junction whatever the mixed classes' ratio.
     */
    boolean middleOnCsfJunction() {
        return middleNearerCsf() || csfMixRatio() < CSF_JUNCTION_MIX_RATIO;
    }

    /**
     * T2w ({@code !csfDarkest}): the middle mean lies nearer CSF than white matter, where grey matter
     * never does. Its T2 is close to white matter's and far from CSF's (3 T: about 80–100, 70 and over
     * 1,000 ms; proton densities about 0.8, 0.7 and 1), so at the echo times of T2w scans (80–120 ms,
     * TR 3 s and more) grey matter's signal lies 0.1–0.25 of the way from white matter's to CSF's; in the
     * generator's T2w sites 0.12–0.28. Models found there on generated heads of a 4×4×6 mm site put it
     * 0.76–0.80 of the way (1,469–1,645 against a CSF of 1,874–1,947 and a grey matter near 755), with
     * mixed-class ratios of 0.08–0.26, not all under {@link #CSF_JUNCTION_MIX_RATIO}. Never on T1w,
     * where the middle mean's place varies widely (see {@link #middleOnCsfJunction}).
     */
    boolean middleNearerCsf() {
        return !csfDarkest && (mean[1] - mean[0]) / (mean[2] - mean[0]) > 0.5;
    }

    /**
     * Smallest ratio of the weight of the mixed class between CSF and the middle tissue to that of the
     * mixed class between the middle tissue and the other at which the middle tissue is the grey/white
     * plateau ({@link #middleOnGreyWhitePlateau}). In the bias rounds of seven clean generated 3 and
     * 4 mm scans (six of subjects over 80) whose middle mean lay on the grey/white plateau the ratio was
     * 1.4–4.1, growing from round to round; the grey-matter models fresh searches found on four of them,
     * 0.48–0.78, and those of an 85-year-old's 3 mm scan the model fitted well, 0.86–1.21.
     */
    static final double GREY_WHITE_PLATEAU_MIX_RATIO = 2;

    /**
     * True when the middle tissue is the plateau between grey and white matter rather than grey matter,
     * the mirror of {@link #middleOnCsfJunction}: the mixed class between CSF and the middle tissue then
     * holds grey matter's voxels and more than {@link #GREY_WHITE_PLATEAU_MIX_RATIO} times the weight
     * of the one between the middle tissue and the other.
     */
    boolean middleOnGreyWhitePlateau() {
        return csfMixRatio() > GREY_WHITE_PLATEAU_MIX_RATIO;
    }

    /**
     * Smallest ratio of the two mixed classes' weights ({@link #middleOnGreyWhitePlateau}) at which a
     * model is clearly on the grey/white plateau ({@link #middleClearlyOnGreyWhitePlateau}). Above
     * {@link #GREY_WHITE_PLATEAU_MIX_RATIO}: fresh models that bias rounds took over grey-matter refits
     * reached 2.0–2.4 on their way back to grey matter (ribbon models of r = 0.5 among them), where the
     * plateau models that stayed reached 3.7 and 8.9.
     */
    static final double CLEAR_PLATEAU_MIX_RATIO = 3;

    /** True when the mixed classes' ratio exceeds {@link #CLEAR_PLATEAU_MIX_RATIO}. */
    boolean middleClearlyOnGreyWhitePlateau() {
        return csfMixRatio() > CLEAR_PLATEAU_MIX_RATIO;
    }

    /**
     * Weight of the mixed class between CSF ({@link #csfDarkest}) and the middle tissue over that of the
     * one between the middle tissue and the other.
     */
    private double csfMixRatio() {
        return csfDarkest ? weight[1] / weight[3] : weight[3] / weight[1];
    }

    /**
     * The log-likelihood (up to a constant) of {@code x} under the model as it stands, on the same
     * histogram the fits use: models fitted to the same values compare by it. It is the E-step's of one
     * EM iteration, run on a copy so that this model does not move.
     */
    double logLikelihood(float[] x) {
        Histogram h = Histogram.of(x);
        return h == null ? 0 : logLikelihood(h);
    }

    /** {@link #logLikelihood(float[])} on the binned values {@code h}. */
    private double logLikelihood(Histogram h) {
        return copy().em(h, 1, Mode.FREE);
    }

    /** Runs EM on the binned values from the current state (the middle mean held when {@link #middleHeld}). */
    void fit(float[] x, int iterations) {
        Histogram h = Histogram.of(x);
        if (h != null) {
            em(h, iterations, middleHeld ? Mode.HELD : Mode.FREE);
        }
    }

    /**
     * Places the middle tissue (grey matter) from the cortical mantle alone: searches the model again
     * ({@link #search}, from this state) on {@code mantle}, the values of the brain's outer layer, and
     * when its middle mean lies further from white matter's than this model's, takes that mean and its
     * ribbon fraction, refits everything else on {@code all} with the middle held, and holds it in later
     * fits. Deep grey nuclei, cerebellar grey matter and brainstem lie between cortical grey matter and
     * white matter in intensity on T1w and T2w alike and fill large pure regions, while a cortex thinner
     * than the voxel has few pure voxels: on noisy or coarse scans the whole brain's middle class sits on
     * those deep peaks, and cortical grey matter falls into the dark mixed class. They can only pull the
     * middle towards white matter, so a mantle estimate further from it is taken; one nearer it means the
     * mantle is the worse-determined histogram (9 mm slices, where the mantle is a few slices of partial
     * volume) and is left. Nor is a mantle whose middle class forms a pure peak ({@link #formsPeak})
     * where the whole brain's did not: the whole brain holds the mantle, and pure cortex would peak
     * there too. Such a peak is the pile-up of cortical voxels at the ribbon's end (a 2.5 mm cortex fills
     * at most about 80 % of a 3 mm voxel): on clean 3–4 mm scans of a quiet generated 3 T site (five of
     * 50 clean scans of four cohorts) it lay at 79–100, up to 27 below the whole brain's middle mean,
     * with the mantle's pure dark class at 0.3–6 % of its voxels; left, GM Dice 0.861 → 0.920 and 0.708
     * → 0.825 on two of them, 0.906 → 0.873 on a third, the others within 0.01 (CSF 0.581 → 0.803,
     * 0.554 → 0.739, 0.644 → 0.674). Nor is a mantle estimate that leaves the whole brain's middle
     * tissue on the CSF/GM junction ({@link #middleOnCsfJunction}) where it was not: on T2w, where CSF
     * is the brightest tissue and fills much of the mantle, "further from white matter" is towards CSF,
     * and the mantle's middle mean lay on the junction (387 against a CSF of 468 and a grey matter near
     * 180; 1,628 against 1,969 and 780 on 3×3×4.5 mm scans): of 40 generated T2w 3 mm heads over the
     * eight site templates, CSF / GM Dice 0.32–0.42 / 0.39–0.44 → 0.84–0.88 / 0.84–0.90 on four and
     * 0.646 / 0.658 → 0.750 / 0.717 on a 3×3×9 mm one, none of the others changed; at 4 mm CSF Dice
     * rose on 11 of 40 (0.15–0.43 → 0.49–0.88), none fell. The 408 clean T1w scans of the 1, 3 and 4 mm
     * cohorts of {@link TissueSegmentation#refitOrFresh} are unchanged. T2w scans no longer call this at
     * all (see {@link TissueSegmentation}): once a middle mean nearer CSF than white matter counted as
     * the junction ({@link #middleNearerCsf}), the mantle's search settled just short of it (on
     * a 4 mm head 532, 0.47 of the way from white matter's 215 to CSF's 884, against a grey matter of
     * 293; with the bound at 0.4 instead, 457). White matter is the brightest
     * tissue when {@link #csfDarkest} (T1w), else the darkest (T2w). With {@code plainStart} the mantle's
     * search starts from this model made plain ({@link #dropRibbon}) rather than with its ribbon
     * fraction, which a search that finds no better ribbon keeps (see
     * {@link TissueSegmentation#FINE_IN_PLANE_MM}).
     */
    void middleFromCortex(float[] mantle, float[] all, int iterations, boolean plainStart) {
        if (mantle.length < 10) {
            return;
        }
        PartialVolumeMixture cortex = copy();
        if (plainStart) {
            cortex.dropRibbon();
        }
        cortex.search(mantle, iterations);
        boolean furtherFromWhite = csfDarkest ? cortex.mean[1] < mean[1] : cortex.mean[1] > mean[1];
        boolean ribbonEnd = cortex.pureMiddlePeak && !pureMiddlePeak;
        Histogram h = furtherFromWhite && !ribbonEnd ? Histogram.of(all) : null;
        if (h == null) {
            return;
        }
        PartialVolumeMixture held = copy();
        held.mean[1] = cortex.mean[1];
        held.ribbon = cortex.ribbon;
        held.em(h, iterations, Mode.HELD);
        if (held.middleOnCsfJunction() && !middleOnCsfJunction()) {
            return;
        }
        adopt(held);
        middleHeld = true;
    }

    /**
     * Replaces a ribbon model by a plain one whose pure middle mean is where the ribbon's dark mixed
     * plateau ended, μ<sub>0</sub> + r(μ<sub>1</sub> − μ<sub>0</sub>), the brightest middle-tissue
     * signal the fitted voxels held, with the ribbon class's weight given to the pure middle class.
     * For voxels finer than those the ribbon was fitted on, which the cortex fills, and for thick
     * slices, thin along one axis only (see {@link TissueSegmentation#apply}). Nothing changes without
     * a ribbon (r = 1).
     */
    void dropRibbon() {
        if (ribbon >= 1) {
            return;
        }
        mean[1] = mean[0] + ribbon * (mean[1] - mean[0]);
        weight[2] += weight[RIBBON];
        weight[RIBBON] = 0;
        ribbon = 1;
    }

    /** What an EM run may change. */
    private enum Mode {
        /** every parameter */
        FREE,
        /** all but the middle mean */
        HELD,
        /** all but the middle mean, without a pure middle class (its weight stays 0) */
        PROFILE
    }

    /** EM iterations; returns the log-likelihood (up to a constant) at the last E-step. */
    private double em(Histogram h, int iterations, Mode mode) {
        double[] r = new double[COMPONENTS + 1];
        double logLik = 0;
        span = h.width * BINS;
        for (int it = 0; it < iterations; it++) {
            logLik = 0;
            double[] n = new double[COMPONENTS + 1];
            double[] s1 = new double[COMPONENTS];
            double s2 = 0;
            double[] means = componentMeans();
            double[] logPriors = componentLogPriors();
            int[] live = live(logPriors);
            for (int b = 0; b < h.count.length; b++) {
                if (h.count[b] == 0) {
                    continue;
                }
                double xb = h.centre(b);
                logLik += h.count[b] * responsibilities(xb, means, logPriors, live, r);
                n[OUTLIER] += r[OUTLIER] * h.count[b];
                for (int c : live) {
                    double w = r[c] * h.count[b];
                    n[c] += w;
                    s1[c] += w * xb;
                    if (c < TISSUES) {
                        s2 += w * (xb - mean[c]) * (xb - mean[c]);
                    }
                }
            }
            maximise(n, s1, s2, h.width, mode);
        }
        return logLik;
    }

    /**
     * M-step: class weights from the component counts; pure means from the normal equations of
     * Σ<sub>c</sub> Σ<sub>x</sub> r<sub>c</sub>(x)(x − a<sub>c</sub>·μ)²/σ² with a<sub>c</sub> the
     * component's tissue mix (the middle mean held when {@code fixMiddle}); one σ shared by all
     * classes (Santago &amp; Gage's model: per-class σ let the pure classes widen over the mixed range),
     * from the pure components about the previous means, floored at one bin.
     */
    private void maximise(double[] n, double[] s1, double s2, double width, Mode mode) {
        double total = n[OUTLIER];
        double pure = 0;
        for (int c = 0; c < COMPONENTS; c++) {
            total += n[c];
            pure += c < TISSUES ? n[c] : 0;
        }
        double[][] a = new double[TISSUES][TISSUES + 1];
        double[][] mixes = mixes();
        for (int c = 0; c < COMPONENTS; c++) {
            double[] mix = mixes[c];
            for (int i = 0; i < TISSUES; i++) {
                for (int j = 0; j < TISSUES; j++) {
                    a[i][j] += n[c] * mix[i] * mix[j];
                }
                a[i][TISSUES] += s1[c] * mix[i];
            }
        }
        boolean fixMiddle = mode != Mode.FREE;
        if (fixMiddle) {
            a = new double[][] {
                {a[0][0], a[0][2], a[0][3] - a[0][1] * mean[1]},
                {a[2][0], a[2][2], a[2][3] - a[2][1] * mean[1]}};
        }
        double[] solved = solve(a);
        if (solved != null && fixMiddle) {
            solved = new double[] {solved[0], mean[1], solved[1]};
        }
        double[] classCount = new double[CLASSES];
        for (int c = 0; c < COMPONENTS; c++) {
            classCount[classOf(c)] += n[c];
        }
        for (int k = 0; k < CLASSES; k++) {
            weight[k] = Math.max(classCount[k] / total, 1e-6);
        }
        outlier = Math.max(n[OUTLIER] / total, 1e-6);
        if (mode == Mode.PROFILE) {
            weight[2] = 0;
        }
        capRibbon();
        if (pure > 0) {
            sd = Math.sqrt(Math.max(s2 / pure, width * width));
        }
        if (solved != null && solved[0] < solved[1] && solved[1] < solved[2]) {
            System.arraycopy(solved, 0, mean, 0, TISSUES);
        }
    }

    /**
     * Bounds the ribbon class by the geometry it stands for: along the normal of a middle-tissue layer
     * of thickness r·h (h the voxel size), a voxel straddles the whole layer over (1 − r)h and one of its
     * faces over r·h each, so ribbon voxels number at most (1 − r)/r times either mixed class (the
     * mixed classes also hold faces without a ribbon: sulcal banks, deep nuclei). Without the bound a
     * wide ribbon class at small r absorbs the brighter middle-range tissue (deep and cerebellar GM on
     * generated heads) and wins in likelihood. The excess goes to the other classes in proportion.
     */
    private void capRibbon() {
        double cap = ribbon >= 1 ? 0 : (1 - ribbon) / ribbon * Math.min(weight[1], weight[3]);
        if (weight[RIBBON] > cap) {
            double scale = (1 - outlier - cap) / (1 - outlier - weight[RIBBON]);
            for (int k = 0; k < CLASSES; k++) {
                weight[k] = k == RIBBON ? cap : weight[k] * scale;
            }
        }
    }

    /**
     * Posterior responsibilities of the {@link #live} components (pure 0–2, then the α steps of mix 0/1,
     * of mix 1/2 and of the ribbon class) and of the outlier class, into {@code r} (the other entries are
     * left as they were); returns log p(x) up to a constant.
     */
    private double responsibilities(double x, double[] means, double[] logPriors, int[] live, double[] r) {
        double best = logPriors[OUTLIER];
        for (int c : live) {
            double d = (x - means[c]) / sd;
            r[c] = logPriors[c] - 0.5 * d * d;
            best = Math.max(best, r[c]);
        }
        double sum = 0;
        for (int c : live) {
            r[c] = Math.exp(r[c] - best);
            sum += r[c];
        }
        r[OUTLIER] = Math.exp(logPriors[OUTLIER] - best);
        sum += r[OUTLIER];
        for (int c : live) {
            r[c] /= sum;
        }
        r[OUTLIER] /= sum;
        return best + Math.log(sum);
    }

    /**
     * The tissue components whose prior is not zero, ascending: a class of weight 0 (the ribbon class
     * of a plain model, the pure middle class of a profile fit) has responsibility exactly 0 everywhere,
     * so EM leaves its components out (a third of them in a plain model) and gets the same sums.
     */
    private static int[] live(double[] logPriors) {
        int[] out = new int[COMPONENTS];
        int n = 0;
        for (int c = 0; c < COMPONENTS; c++) {
            if (logPriors[c] != Double.NEGATIVE_INFINITY) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** log(prior × density) √(2π) of x under every component, into {@code r}; returns their maximum. */
    private double componentLogs(double x, double[] means, double[] logPriors, double[] r) {
        double best = logPriors[OUTLIER];
        r[OUTLIER] = best;
        for (int c = 0; c < COMPONENTS; c++) {
            double d = (x - means[c]) / sd;
            r[c] = logPriors[c] - 0.5 * d * d;
            best = Math.max(best, r[c]);
        }
        return best;
    }

    /** Mean of every component. */
    private double[] componentMeans() {
        double[][] mixes = mixes();
        double[] out = new double[COMPONENTS];
        for (int c = 0; c < COMPONENTS; c++) {
            for (int k = 0; k < TISSUES; k++) {
                out[c] += mixes[c][k] * mean[k];
            }
        }
        return out;
    }

    /**
     * The tissue fractions of every component. With a ribbon fraction r = {@link #ribbon} (the middle
     * tissue's layer thickness over the voxel size, when below 1), a voxel sliding across the layer
     * holds middle fraction rα with the darker tissue, r with both outer tissues (a voxel wider than the
     * layer), and r(1 − α) with the brighter tissue: fractions linear in the voxel's position, so α is
     * uniform on each class. With r = 1 these are the two plain mixed classes and the ribbon class is empty.
     */
    private double[][] mixes() {
        double[][] out = new double[COMPONENTS][TISSUES];
        for (int c = 0; c < COMPONENTS; c++) {
            double a = alpha(c);
            switch (classOf(c)) {
                case 1 -> out[c] = new double[] {1 - ribbon * a, ribbon * a, 0};
                case 3 -> out[c] = new double[] {0, ribbon * (1 - a), 1 - ribbon * (1 - a)};
                case RIBBON -> out[c] = new double[] {(1 - ribbon) * (1 - a), ribbon, (1 - ribbon) * a};
                default -> out[c][c] = 1;
            }
        }
        return out;
    }

    /**
     * log(prior) − log σ of every component (−∞ in a class of weight 0), then log(prior / range) +
     * log √(2π) of the outlier class (the tissue densities leave out their 1/√(2π)).
     */
    private double[] componentLogPriors() {
        double[] out = new double[COMPONENTS + 1];
        for (int c = 0; c < COMPONENTS; c++) {
            double prior = c < TISSUES ? weight[classOf(c)] : weight[classOf(c)] / STEPS;
            out[c] = Math.log(prior) - Math.log(sd);
        }
        out[OUTLIER] = Math.log(outlier / span) + 0.5 * Math.log(2 * Math.PI);
        return out;
    }

    /**
     * What a value says about its voxel, into {@code out[0..VALUES)}: the expected fractions of tissues
     * 0, 1, 2 given x and that the voxel is brain tissue, Σ<sub>c</sub> r<sub>c</sub>(x) a<sub>c</sub>
     * over tissue components c with responsibility r<sub>c</sub> (normalised without the outlier class,
     * so a value beyond every tissue still goes to the nearest) and tissue mix a<sub>c</sub> (a mixed
     * class splits by the posterior mean E[α | x]); the posterior of the pure classes (against the
     * outlier class too); and their posterior-weighted mean.
     */
    private void describe(double x, double[] means, double[] logPriors, double[][] mixes, double[] r, double[] out) {
        componentLogs(x, means, logPriors, r);
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < COMPONENTS; c++) {
            best = Math.max(best, r[c]);
        }
        double tissue = 0;
        for (int c = 0; c < COMPONENTS; c++) {
            r[c] = Math.exp(r[c] - best);
            tissue += r[c];
        }
        double outlierOdds = Math.exp(r[OUTLIER] - best) / tissue;
        Arrays.fill(out, 0);
        for (int c = 0; c < COMPONENTS; c++) {
            double p = r[c] / tissue;
            for (int k = 0; k < TISSUES; k++) {
                out[k] += p * mixes[c][k];
            }
            if (c < TISSUES) {
                out[PURE] += p;
                out[PURE_MEAN] += p * mean[c];
            }
        }
        out[PURE_MEAN] = out[PURE] > 0 ? out[PURE_MEAN] / out[PURE] : 0;
        out[PURE] /= 1 + outlierOdds;
    }

    /**
     * {@link #describe} tabulated on {@code points} values spanning [min, max], for the per-voxel loops
     * (a million brain voxels at 1 mm would otherwise evaluate 35 Gaussians each).
     */
    Table table(double min, double max, int points) {
        return new Table(this, min, max, points);
    }

    /** Class of a component: pure tissue k is class 2k; mix k/k+1 is class 2k + 1; then the ribbon class. */
    private static int classOf(int c) {
        if (c < TISSUES) {
            return 2 * c;
        }
        int k = (c - TISSUES) / STEPS;
        return k == 2 ? RIBBON : 2 * k + 1;
    }

    /** Position of a mixed component within its class (midpoint-rule node on (0, 1)); 0 for a pure one. */
    private static double alpha(int c) {
        return c < TISSUES ? 0 : ((c - TISSUES) % STEPS + 0.5) / STEPS;
    }

    /** Solves an n × (n + 1) augmented system by Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-12 * Math.abs(a[0][0]) + Double.MIN_NORMAL)) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = a[row][n];
            for (int k = row + 1; k < n; k++) {
                s -= a[row][k] * x[k];
            }
            x[row] = s / a[row][row];
        }
        return x;
    }

    /** {@link #describe} on a regular grid of values, interpolated linearly and clamped at the ends. */
    static final class Table {

        private final double min;
        private final double step;
        private final int points;
        private final float[] values;

        private Table(PartialVolumeMixture m, double min, double max, int points) {
            this.min = min;
            this.points = points;
            this.step = max > min ? (max - min) / (points - 1) : 1;
            values = new float[VALUES * points];
            double[] out = new double[VALUES];
            double[] r = new double[COMPONENTS + 1];
            double[] means = m.componentMeans();
            double[] logPriors = m.componentLogPriors();
            double[][] mixes = m.mixes();
            for (int p = 0; p < points; p++) {
                m.describe(min + p * step, means, logPriors, mixes, r, out);
                for (int k = 0; k < VALUES; k++) {
                    values[VALUES * p + k] = (float) out[k];
                }
            }
        }

        /** The interpolated description of x into {@code out[0..VALUES)}. */
        void at(double x, float[] out) {
            double u = Math.max(0, Math.min(points - 1, (x - min) / step));
            int p = Math.min(points - 2, (int) u);
            float w = (float) (u - p);
            for (int k = 0; k < VALUES; k++) {
                float lo = values[VALUES * p + k];
                out[k] = lo + w * (values[VALUES * (p + 1) + k] - lo);
            }
        }
    }

    /** Counts of the values in {@link #BINS} equal bins over their range. */
    private record Histogram(double min, double width, double[] count) {

        /** Values per task when the bins are counted in parallel (whole counts: the sum is exact). */
        private static final int CHUNK = 1 << 17;

        /** Null when all values are equal (nothing to fit). */
        static Histogram of(float[] x) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : x) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!(max > min)) {
                return null;
            }
            double lowest = min;
            double width = (max - min) / BINS;
            double[] count = new double[BINS];
            for (double[] part : ParallelRanges.bySize(0, x.length, CHUNK, (from, to) -> {
                double[] p = new double[BINS];
                for (int i = from; i < to; i++) {
                    p[Math.min(BINS - 1, (int) ((x[i] - lowest) / width))]++;
                }
                return p;
            })) {
                for (int b = 0; b < BINS; b++) {
                    count[b] += part[b];
                }
            }
            return new Histogram(min, width, count);
        }

        double centre(int b) {
            return min + (b + 0.5) * width;
        }
    }
}
