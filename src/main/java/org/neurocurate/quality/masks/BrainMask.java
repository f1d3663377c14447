package org.neurocurate.quality.masks;

import java.util.function.IntPredicate;

import org.neurocurate.quality.iqm.OrderStatistics;
import org.neurocurate.volume.GridSampling;

/**
 * Skull stripping from the image alone, for T1w-like contrast (CSF and bone dark, brain tissue and
 * scalp brighter), with every radius and distance in mm so that isotropic and thick-slice grids get the
 * same anatomy. T2w-like contrast (CSF the brightest tissue, bone still dark; {@code brightCsf}) differs
 * in four places, marked "T2w" below.
 *
 * <ol>
 *   <li>Tissue threshold: the lower of the two three-class Otsu thresholds of the head voxels within
 *   0.4 head radii of the head's centroid, which are nearly all brain (BET's idea of measuring the
 *   brain's intensity at the head's centre, Smith, HBM 17(3):143–155, 2002): it separates CSF from grey
 *   and white matter whatever the scalp's brightness. Bone is darker than brain tissue in T1w, so
 *   "dark" is CSF and bone, "bright" is brain tissue and scalp. T2w: voxels above the upper of the two
 *   thresholds (CSF, brighter than grey matter) count as dark for the core, and the tissue threshold is
 *   half the mean of the central voxels below the lower one (white matter, the darkest tissue; bone and
 *   air are darker still).</li>
 *   <li>Brain core: the bright set, without the voxels far brighter than the central white matter
 *   (T1w: scalp and orbital fat, {@link #CORE_CAP}), eroded by {@code erosionMm} (cuts bridges to the
 *   scalp; at least one voxel, and along every axis but a thick slice's ({@link #erosionGrid}): a 4 mm
 *   erosion of 5 mm voxels removed nothing, so the core, the growth and the closing ran on into the
 *   face and scalp, and generated heads of the 1.25 mm site on the 4 mm grid got brain Dice 0.73–0.78
 *   (T1w, ten heads) and 0.83–0.86 (T2w, five); with one voxel, 0.965–0.974 and 0.963–0.968), the
 *   components centred within 0.4 head radii of the centroid (both hemispheres), dilated back. On a
 *   thick-slice grid the eroded pieces that touch the skin within their slice do not count for the core
 *   ({@link #withoutSkinInSlices}). T2w: on every grid.</li>
 *   <li>Deep bright parts (cerebellum, brainstem): eroded-bright components of at least
 *   {@value #MIN_DEEP_MM3} mm³ that never come within twice the erosion of the skin, where the scalp,
 *   face and neck lie. The skin is the boundary of the head mask away from the two outermost layers of
 *   the grid, where the field of view, not air, ends the head.</li>
 *   <li>Growth: from the core along face-connected paths through dark head voxels and deep parts, up
 *   to {@code csfMarginMm} from the core or from a deep part already reached (which joins whole); the
 *   bright scalp stops it. The grown region, closed by {@code erosionMm} and filled, is brain, CSF and
 *   skull. T2w: the growth runs through bright CSF instead and dark bone stops it, so the region is
 *   brain and CSF.</li>
 *   <li>A {@value #SKULL_MM} mm skull shell is peeled off where that region borders the rest of the
 *   head (adult calvaria are about 5–7 mm), but only {@value #THIN_SKULL_MM} mm within
 *   {@value #SKULL_MM} mm of brain tissue (the region's bright voxels deeper than the shell): there the
 *   dark voxels are mostly the CSF that lines the brain, which the full shell would cut off wherever
 *   the skull is thinner. The largest remaining component is closed by twice the erosion and its holes
 *   (ventricles) filled. T2w: no shell is peeled; after the closing, the dark voxels connected to the
 *   mask's outer boundary through dark voxels (bone the closing took in) are removed.</li>
 * </ol>
 * A mask built on a working grid coarser than the scan's is brought to the scan's grid by
 * {@link #refine}, which places the peeled skull boundary per scan voxel. Where the image shows the
 * skull as dark bone (T1w; {@link #boneThresholds}: real cortical bone gives no signal, and in T1w CSF is
 * brighter than air), {@link #onScanGrid} then cuts at the bone itself on the scan's voxels rather
 * than at the shell's fixed depth, which must miss wherever the skull is thicker or thinner than it.
 * On a thick-slice grid, once the tissue model has labelled the mask, {@link #brightCorners} names the
 * mask's corner voxels that are skull with a minority of brain behind it.
 */
public final class BrainMask {

    /**
     * Fraction of a working voxel taken off the distance to the scalp when {@link #refine} judges a
     * finer voxel: the distances run to the centres of the first voxels beyond the region, and the
     * scalp's surface lies on average half a voxel before them. Measured on three clean 1 mm scans:
     * without it the refined masks held more skull than the coarse ones (59–72 cm³ against 44–58),
     * with it 28–35 cm³ of skull for 16–26 cm³ of the intracranial volume left out.
     */
    static final double REFINE_SHIFT = 0.5;

    /** Least depth (mm) of the region's outer shell whose dark voxels measure the bone under the scalp. */
    static final double OUTER_SHELL_MM = 3;

    /**
     * Depth (mm) from the region's boundary within which dark bone is cut and CSF taken back: deeper
     * than the thickest calvaria (about 7 mm) with a voxel to spare, shallower than the ventricles.
     */
    static final double BONE_BAND_MM = 10;

    /**
     * Least CSF-over-air contrast, in robust standard deviations of the air, for dark bone to count:
     * below it the threshold halfway between them would cut CSF as bone. On the noisiest generated
     * site (air SD 18) the CSF of a clean 3 mm scan lies 3.3 SDs above the air; at 4 its bone went
     * unseen, stayed in mask and tissue fit and took the grey-matter class (GM Dice 0.56, 0.82 with
     * the bone cut). Sixteen other 3 mm scans of that cohort measure 4.8–9.0.
     */
    static final double MIN_BONE_CONTRAST = 3;

    /**
     * Percentile of the central dark voxels that stands for CSF in the tests whether the image shows
     * dark bone and in the threshold at which the tissue fit leaves bone-dark voxels out
     * ({@link BoneThresholds#fit}): their lower quartile.
     */
    static final double CSF_PERCENTILE = 25;

    /**
     * Percentile of the central dark voxels that stands for CSF where the mask is cut at bone on a grid
     * without thick slices ({@link BoneThresholds#mask}). Those voxels are mostly pure CSF only where the
     * ventricles are large; where they are small most of them mix CSF with grey matter and their lower
     * quartile lies well above pure CSF (a generated 21-year-old's 1 mm scan: 54 against a pure CSF of
     * about 38; 3 mm scans of a noisy generated site: 100–129 against 92–96), so the threshold halfway
     * from it to the air cut off CSF/bone voxels whose larger part is CSF (the truth's label), up to a
     * tenth of the CSF. On the 48 clean isotropic scans of six generated cohorts (1, 3 and 4 mm; air-dark
     * bone), from the quartile to the 15th percentile: brain Dice 0.9848 → 0.9861 in the mean, CSF Dice
     * 0.837 → 0.848 (0.844 → 0.906 on that 1 mm scan, 0.674 → 0.763 on a 3 mm one), GM and WM unchanged in
     * the mean (GM down by at most 0.018, on a 4 mm scan), skull voxels inside 2,012 → 2,904 per scan.
     * The 10th percentile: CSF 0.847, skull 3,677, and one 4 mm scan's CSF 0.708 → 0.640; the 20th: 0.845
     * and 2,430. The tissue fit keeps the quartile: with the 10th for the fit too, the grey-matter mean
     * moved on coarse scans that then took more dark voxels in (3 mm cohort seed 1: GM Dice 0.920 →
     * 0.841 and 0.818 → 0.557). Thick-slice grids keep it for the mask as well: there the cut mask
     * changed the tissue fit's voxels (a 3×3×9 mm scan's GM Dice 0.854 → 0.763 at the 10th).
     */
    static final double MASK_CSF_PERCENTILE = 15;

    /**
     * Finest voxel side (mm) up to which the mask is cut at bone again from the tissue model's pure CSF
     * ({@link #recutAtCsf}). Where the ventricles are small the central dark voxels' percentile of
     * {@link #MASK_CSF_PERCENTILE} can still be a CSF/GM mixture: a generated 36-year-old's 1×1×1.5 mm
     * scan was cut at 113.5, about its pure CSF, a voxel inside the CSF all round (CSF Dice 0.754, brain
     * 0.975). On such grids the tissue model on the scan's voxels places pure CSF itself (there 136):
     * cut again halfway from the air to it, 0.896 and 0.993. Of the 64 clean scans of eight generated
     * 1 mm cohorts over all eight site templates, 45 were cut at bone and nine of them again: that one,
     * seven 1×1×3 mm scans (CSF Dice +0.002 to +0.030) and a 1 mm one (+0.002); nothing fell. On
     * coarser grids the model's darkest mean sits in partial volume: cut again there, 3 mm grids (72
     * scans of three cohorts) moved both ways (CSF −0.012 to +0.049, mean +0.001) and 4 mm ones (48 of
     * two) fell in the mean (brain −0.001, CSF −0.001), so they keep the first cut.
     */
    static final double RECUT_FINEST_MM = 1.5;

    /**
     * Coarsest voxel side (mm) up to which a skull-stripped scan's tissue fit leaves out the stripping
     * mask's outer voxel layer ({@link #strippedFitVoxels}). On coarser grids that layer holds much of
     * the cortex and the outer CSF: left out on 3 and 4 mm grids (41 clean stripped scans of five
     * generated cohorts) GM Dice fell on most, to 0.32–0.49 on a dozen.
     */
    static final double STRIPPED_EDGE_MAX_MM = 1.5;

    /** Fewest voxels of each sample (outer shell, central dark voxels, air) for the bone threshold. */
    private static final int MIN_SAMPLE = 100;

    /** Skull thickness (mm) peeled off where the grown brain meets the scalp; adult calvaria are about 5–7 mm. */
    static final double SKULL_MM = 6;

    /**
     * Skull thickness (mm) peeled off within {@link #SKULL_MM} of brain tissue. On generated T1w scans
     * (seeds 1–8 at 3 mm) the full shell alone left 900–1,400 CSF voxels per scan just outside the mask;
     * this brings back about a quarter of them (9,423 to 6,829 over the eight scans) for about a tenth
     * more skull inside (9,707 to 10,813 voxels): brain Dice 0.971–0.977 before, 0.973–0.978 after.
     */
    static final double THIN_SKULL_MM = 4.5;

    /**
     * T1w: bright voxels above this multiple of the central white matter's median never join the brain
     * core or a deep part (they still stop the growth). On a thick-slice grid (4×4×12 mm) the 4 mm
     * erosion cannot cut across a 12 mm slice, so where a bottom slice of the frontal lobe lies on the
     * orbital and facial fat (in the generated heads 1.6–2.0 times white matter there) the core took the
     * fat in, and the tissue model's white-matter class with it (tpm_overlap_wm 0.001–0.003; in a
     * generated 4 mm cohort of 90 scans, 5 of the thick-slice site's 19 clean scans, brain Dice
     * 0.85–0.89 → 0.92–0.95). Generated white and grey matter stay below 1.35 times the median under the
     * sites' bias fields. A stronger bias (a receive coil's bright periphery over 1.6 times the centre)
     * leaves its brightest brain out of the core: thick-slice seeds 4 and 13 lose 0.02 brain Dice at
     * 1.6 and none at 1.7, while 1.7 leaves part of the fat in on other scans; of six isotropic 3 mm
     * scans with the generator's strongest bias field (severity 1) the one with 1.7 % of its brain above
     * the cap goes from 0.861 to 0.844, the other five are unchanged. Clean isotropic 3 mm subjects
     * (seeds 1–8) are unchanged.
     */
    static final double CORE_CAP = 1.6;

    /**
     * Layers next to each face of the grid that the peel counts as neither head nor air. Where the
     * field of view cuts the head it offers no air to end the grown region, which then ran through the
     * cut face into the scalp and face beyond the brain: with those layers in the head (as the head mask
     * now keeps them, {@link HeadMask}), brain Dice of 56 clean thick-slice generated scans fell from
     * 0.957 to 0.931 in the mean (3×3×9 mm scans 0.956 → 0.933; 4×4×12 mm ones down to 0.861, with about
     * three times as many voxels beyond the intracranial volume in the mask). The
     * peel was built on a head mask that lost exactly these layers; without them its masks are as
     * before (brain Dice of 104 clean generated scans changed on six, by at most 0.003, with the head
     * mask's test of the mean as well), and so is what the grid's ends cost: the intracranial voxels in
     * them (the brainstem and cerebellum a thick-slice grid's lowest slices cut) stay out, except on
     * fine grids ({@link #CUT_FACE_FINEST_MM}).
     */
    static final int FACE_LAYERS = 2;

    /**
     * Finest voxel side (mm) up to which the mask is continued into the grid's outer layers where the
     * field of view cuts the head ({@link #intoCutFaces}). Of the 96 clean scans of twelve generated
     * 1 mm cohorts (eight site templates), the fifteen 1×1×3 mm ones, whose field of view ends in the
     * brainstem and cerebellum (four slices of them left out: the working grid's two 6 mm layers), went
     * from brain Dice 0.986–0.990 to 0.989–0.993, WM +0.003 to +0.008, CSF −0.005 to +0.025 (0.765 →
     * 0.790 where the CSF under the cerebellum had been left out), GM −0.004 to +0.002; 32 scans of four
     * isotropic templates moved by at most 0.002 (brain, CSF and WM up, GM down). On coarser grids the
     * outer layers' voxels mix brain with bone and neck: continued there, of 216 clean scans on the 3 mm
     * grid 210 kept brain Dice 0.95 instead of 214 (the 3×3×9 mm scans), one's CSF Dice fell 0.69 → 0.31,
     * and 4×4×12 mm scans lost up to 0.047 brain Dice.
     */
    static final double CUT_FACE_FINEST_MM = 1.5;

    /**
     * Finest voxel side (mm) up to which {@link #withoutBone} judges a voxel of the skull band by its
     * value averaged with its fine-axis neighbours (half each) rather than by its own. Where the noise
     * is high (the generated 1×1×3 mm site: air median 29 against a CSF of 97, Rician σ about a quarter
     * of the CSF) single CSF voxels fell under the bone level and were cut with the bone, and single bone
     * voxels over it stayed in, while the calvaria, several voxels thick, stays dark when averaged. Of
     * the 96 clean scans of twelve generated 1 mm cohorts, CSF Dice rose by more than 0.005 on 49 (mean
     * +0.005; the fifteen 1×1×3 mm scans +0.005 to +0.024, e.g. 0.791 → 0.815 and 0.816 → 0.838) and
     * fell on one (0.866 → 0.859); brain Dice moved by −0.002 to +0.004, GM by −0.001 to +0.015, WM by
     * −0.002 to +0.002; the stripped scans keep their own mask. On 3 mm voxels the calvaria is about two
     * voxels and averaged with CSF and scalp it no longer reads dark: with a third of this weight, brain
     * Dice of the first nine unstripped clean scans of a generated 3 mm cohort fell on all, by
     * 0.002–0.039 (0.965 → 0.926).
     */
    static final double SMOOTHED_BONE_FINEST_MM = 1.5;

    /** A grid whose one voxel side is at least this multiple of both others is a thick-slice grid. */
    static final double THICK_SLICE_RATIO = 2;

    /** Radius of the brain-dominated central sphere, as a fraction of the head's equivalent-sphere radius. */
    private static final double CENTRAL_FRACTION = 0.4;

    /**
     * Smallest deep bright part kept (mm³, after erosion): an eroded cerebellum or brainstem is tens of
     * cm³; noise specks that survive the erosion are a few voxels.
     */
    private static final double MIN_DEEP_MM3 = 1000;

    private BrainMask() {
    }

    /**
     * @param brightCsf true for T2w-like contrast (CSF brighter than grey matter), false for T1w-like
     */
    public static boolean[] compute(float[] image, boolean[] head, Grid3 g, double erosionMm, double csfMarginMm,
            boolean brightCsf) {
        return peeled(image, head, g, erosionMm, csfMarginMm, brightCsf).mask();
    }

    /**
     * A brain mask with what {@link #refine} needs to place its skull boundary on a finer grid.
     *
     * @param mask the brain mask
     * @param region the grown region (brain, CSF and skull) the skull shell was peeled from
     * @param toScalp per voxel, the distance (mm) to the nearest voxel beyond the region
     * @param toTissue per voxel, the distance (mm) to the nearest brain tissue deeper than the shell
     * @param peelKept the voxels the peel kept, before the final closing
     * @param tissueThreshold the intensity above which a voxel counted as brain tissue (or scalp)
     * @param central the head's central voxels, nearly all brain
     * @param outside the air around the head, away from the grid's two outermost layers
     * @param uncarried the same peel without the slices {@link #withDroppedSlices} carried into its core,
     *        when it carried any; else null
     */
    public record Peel(boolean[] mask, boolean[] region, float[] toScalp, float[] toTissue, boolean[] peelKept,
            double tissueThreshold, boolean[] central, boolean[] outside, Peel uncarried) {

        /** A peel that carried no slices. */
        public Peel(boolean[] mask, boolean[] region, float[] toScalp, float[] toTissue, boolean[] peelKept,
                double tissueThreshold, boolean[] central, boolean[] outside) {
            this(mask, region, toScalp, toTissue, peelKept, tissueThreshold, central, outside, null);
        }

        /** The peel the tissue model is fitted on: {@link #uncarried} when there is one, else this peel. */
        public Peel forFit() {
            return uncarried == null ? this : uncarried;
        }

        /** True when a skull shell was peeled (T1w); T2w masks carry the mask alone. */
        public boolean hasShell() {
            return toScalp != null;
        }
    }

    /** {@link #compute}, keeping the fields of the skull peel. */
    public static Peel peeled(float[] image, boolean[] head, Grid3 g, double erosionMm, double csfMarginMm,
            boolean brightCsf) {
        return peeled(image, head, g, erosionMm, csfMarginMm, brightCsf, true);
    }

    /**
     * {@link #peeled(float[], boolean[], Grid3, double, double, boolean)}, on a thick-slice grid with or
     * without the slices its core dropped carried over ({@link #withDroppedSlices}).
     */
    public static Peel peeled(float[] image, boolean[] head, Grid3 g, double erosionMm, double csfMarginMm,
            boolean brightCsf, boolean carryDroppedSlices) {
        // an erosion or closing of less than a voxel does nothing: on a grid coarser than erosionMm in
        // every direction they take one voxel (5 mm voxels: see the class doc); erosionGrid does the same
        // for the erosion along the sides of other grids longer than it
        erosionMm = Math.max(erosionMm, g.finestMm());
        // the grid's outermost layers are neither head nor air to the peel (FACE_LAYERS)
        boolean[] interior = interior(g);
        head = head.clone();
        for (int i = 0; i < head.length; i++) {
            head[i] &= interior[i];
        }
        long headVoxels = 0;
        for (boolean b : head) {
            headVoxels += b ? 1 : 0;
        }
        double[] centre = Components.centroid(head, g);
        double radiusMm = CENTRAL_FRACTION * Math.cbrt(3.0 * headVoxels * g.voxelVolume() / (4 * Math.PI));
        boolean[] central = within(head, g, centre, radiusMm);
        float[] source = image;
        double[] classes = Otsu.thresholds3(image, central);
        double t = classes[0];
        double csfThreshold = Double.POSITIVE_INFINITY;
        if (brightCsf) {
            // CSF above grey matter becomes dark; bone (and air) are darker than the darkest tissue, white
            // matter, so "dark" ends halfway between nothing and white matter's mean
            csfThreshold = classes[1];
            image = csfDarkened(image, csfThreshold);
            t = meanAtMost(source, central, classes[0]) / 2;
        }
        boolean[] bright = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            bright[i] = head[i] && image[i] > t;
        }
        // T1w: voxels far brighter than the central white matter are scalp or orbital fat, never brain
        double cap = brightCsf ? Double.POSITIVE_INFINITY : CORE_CAP * medianAbove(source, central, classes[1]);
        boolean[] tissueLike = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            tissueLike[i] = bright[i] && image[i] <= cap;
        }
        Grid3 ge = erosionGrid(g, erosionMm);
        boolean[] eroded = BinaryMorphology.erodeMm(tissueLike, ge, erosionMm);
        // non-head voxels inside the grid's outer layers: where air, not the field of view, ends the head
        boolean[] outside = new boolean[head.length];
        for (int i = 0; i < head.length; i++) {
            outside[i] = !head[i] && interior[i];
        }
        float[] depth = DistanceTransform.distanceTo(outside, g);
        boolean[] centralParts = Components.central(withoutSkinInSlices(eroded, depth, g, 2 * erosionMm, brightCsf), g,
                centre, radiusMm);
        boolean[] parts = deepComponents(eroded, ge == g ? depth : DistanceTransform.distanceTo(outside, ge), g,
                2 * erosionMm);
        for (int i = 0; i < image.length; i++) {
            parts[i] |= centralParts[i];
        }
        // one dilation back for the core and the deep parts: the core is the dilated piece holding the central components
        boolean[] rim = BinaryMorphology.dilateMm(parts, ge, erosionMm);
        for (int i = 0; i < image.length; i++) {
            rim[i] &= tissueLike[i];
        }
        boolean[] core = Components.reachedFrom(centralParts, rim, g);
        int slab = thickSliceAxis(g);
        Peel uncarried = null;
        if (slab >= 0 && carryDroppedSlices) {
            boolean[] carried = withDroppedSlices(core, tissueLike, depth, 2 * erosionMm, g, slab);
            if (carried != core) {
                uncarried = peeled(source, head, g, erosionMm, csfMarginMm, brightCsf, false);
                core = carried;
            }
        }
        boolean[] deep = new boolean[image.length];
        boolean[] allowed = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            deep[i] = rim[i] && !core[i];
            // T1w: through dark CSF and bone, stopped by the bright scalp; T2w: through bright CSF, stopped by dark bone
            // (the core is tissue-like, so within the rim, except where withDroppedSlices carried it)
            allowed[i] = head[i] && (brightCsf ? source[i] > csfThreshold || rim[i] : !bright[i] || rim[i]) || core[i];
        }
        boolean[] grown = grow(core, deep, allowed, g, csfMarginMm);
        boolean[] filled = Components.fillHoles(BinaryMorphology.closeMm(grown, g, erosionMm), g);
        if (brightCsf) {
            return new Peel(withoutOuterDark(finish(filled, g, erosionMm), source, t, g), null, null, null, null, Double.NaN,
                    null, null, uncarried);
        }
        boolean[] beyond = new boolean[head.length];
        for (int i = 0; i < head.length; i++) {
            beyond[i] = !filled[i] && (head[i] || outside[i]);
        }
        float[] toScalp = DistanceTransform.distanceTo(beyond, g);
        boolean[] tissue = new boolean[image.length];
        for (int i = 0; i < tissue.length; i++) {
            tissue[i] = filled[i] && bright[i] && toScalp[i] > SKULL_MM;
        }
        float[] toTissue = DistanceTransform.distanceTo(tissue, g);
        boolean[] brain = new boolean[image.length];
        for (int i = 0; i < brain.length; i++) {
            brain[i] = filled[i] && keptByPeel(toScalp[i], toTissue[i]);
        }
        return new Peel(finish(brain, g, erosionMm), filled, toScalp, toTissue, brain, t, central, outside, uncarried);
    }

    /**
     * The intensity below which a voxel of the skull band counts as bone, measured on grid {@code g},
     * or NaN when the image shows no dark bone. Cortical bone gives no signal (T2* under 1 ms), so where
     * the image resolves it, the layer under the scalp is as dark as the air, darker than the CSF
     * (about a seventh of white matter in T1w): the threshold is halfway between the air's median and
     * the lower quartile of the central dark voxels (ventricles and sulci: CSF). It holds when that CSF
     * level lies at least {@value #MIN_BONE_CONTRAST} robust standard deviations of the air above the
     * air, and the lower quartile of the dark voxels in the region's outer shell (bone under the scalp;
     * {@value #OUTER_SHELL_MM} mm deep, or one voxel where the voxels are larger) lies within a quarter
     * of the CSF's height above the air: a quartile, since on a thick-slice grid most shell voxels mix
     * bone with scalp. Where the skull is about as bright as CSF (the generator's earlier skull of T2
     * 5 ms: shell quartile 45–110 against air 7–25 and CSF 42–107 on twelve 3 mm scans; at 1.5 T, half the CSF)
     * the peel's geometric shell stands alone; with air-dark bone the quartile lies at the air's level
     * on 1, 3 and 4 mm grids and within 10–20 of it on 3×3×9 and 4×4×12 mm.
     *
     * <p>That threshold is {@link BoneThresholds#fit}; {@link BoneThresholds#mask} is the same with the
     * CSF level (not that of the tests whether bone shows) at {@code maskPercentile} of the central dark
     * voxels.
     */
    private static BoneThresholds boneThresholds(float[] image, boolean[] region, float[] toScalp,
            double tissueThreshold, boolean[] central, boolean[] outside, Grid3 g, double maskPercentile) {
        double[] spacing = g.spacing();
        double depth = Math.max(OUTER_SHELL_MM, Math.min(spacing[0], Math.min(spacing[1], spacing[2])));
        double[] shell = values(image, i -> region[i] && toScalp[i] <= depth && image[i] <= tissueThreshold);
        double[] csf = values(image, i -> central[i] && image[i] <= tissueThreshold);
        double[] air = values(image, i -> outside[i] && image[i] > 0);
        if (shell.length < MIN_SAMPLE || csf.length < MIN_SAMPLE || air.length < MIN_SAMPLE) {
            return BoneThresholds.NONE;
        }
        double airLevel = OrderStatistics.median(air, air.length);
        double csfLevel = OrderStatistics.percentile(csf, csf.length, CSF_PERCENTILE);
        double airSd = OrderStatistics.mad(air, airLevel);
        boolean resolved = csfLevel - airLevel >= MIN_BONE_CONTRAST * airSd
                && OrderStatistics.percentile(shell, shell.length, 25) - airLevel < (csfLevel - airLevel) / 4;
        if (!resolved) {
            return BoneThresholds.NONE;
        }
        double maskLevel = OrderStatistics.percentile(csf, csf.length, maskPercentile);
        return new BoneThresholds((airLevel + csfLevel) / 2, (airLevel + maskLevel) / 2, airLevel);
    }

    /**
     * The brain mask without the dark bone of its skull band, with the CSF the geometric shell cut
     * off: within the region's outer {@value #BONE_BAND_MM} mm the voxels below {@code boneBelow}
     * connected through such voxels to the region's boundary are bone; the mask is then the voxels of
     * the mask, and the band's CSF-range voxels (from {@code boneBelow} to {@code tissueThreshold}),
     * less that bone, connected to the mask's voxels deeper than the band. Only CSF-range voxels are
     * taken back: a bright layer inside the bone (the fatty marrow between the tables of a real skull)
     * stops the bone's flood from the outside, and must not then come in itself. On grids whose finest
     * side is at most {@link #SMOOTHED_BONE_FINEST_MM} the band's values are judged averaged with their
     * fine-axis neighbours. On twelve generated clean 1 mm and 1×1×3 mm scans with air-dark bone,
     * before that averaging: brain Dice 0.986–0.995 (the geometric peel
     * 0.965–0.981 on the same scans), skull inside 1–9 cm³ (7–41), CSF Dice 0.92–0.96 on the isotropic
     * ones and 0.77–0.91 on the thick-slice ones (isotropic ones cut at {@link BoneThresholds#mask}; at the
     * central dark voxels' quartile, brain Dice up to 0.994, skull 1–7 cm³ and CSF 0.90–0.96).
     *
     * <p>The band's depth ({@code depth}) is the distance to any voxel outside the region, not to the
     * scalp the peel measures ({@link Peel#toScalp}), which leaves out the grid's two outermost layers:
     * where the field of view ends in the scalp under the head (a generated 1×1×3 mm scan whose lowest
     * slices are scalp, then bone, then the CSF under the cerebellum), the bone there lay 10 to over
     * 20 mm from any scalp the peel counted, outside the band, and 5,600 voxels of it (17 cm³) stayed
     * in the mask as CSF. On 67 clean generated scans (1×1×1, 1×1×3, 3×3×3, 3×3×9, 4×4×4 and 4×4×12
     * mm, five cohorts) brain Dice rose on 44 (by up to 0.005) and fell on one (by 0.001), mean 0.9723
     * → 0.9735; CSF Dice rose on 51 (that scan 0.723 → 0.780, two more by 0.04), fell on four by at
     * most 0.002, mean 0.758 → 0.764; GM and WM moved by at most 0.011.
     *
     * @param depth per voxel, the distance (mm) to the nearest voxel outside {@code region}
     */
    static boolean[] withoutBone(boolean[] mask, boolean[] region, float[] depth, float[] image, double boneBelow,
            double tissueThreshold, Grid3 g) {
        int n = mask.length;
        boolean[] band = new boolean[n];
        for (int i = 0; i < n; i++) {
            band[i] = region[i] && depth[i] <= BONE_BAND_MM;
        }
        float[] level = g.finestMm() <= SMOOTHED_BONE_FINEST_MM ? withFineNeighbours(image, band, g) : image;
        boolean[] dark = new boolean[n];
        for (int i = 0; i < n; i++) {
            dark[i] = band[i] && level[i] < boneBelow;
        }
        boolean[] rim = BinaryMorphology.dilate(complement(region), g, BinaryMorphology.Connectivity.SIX, 1);
        boolean[] seeds = new boolean[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = dark[i] && rim[i];
        }
        boolean[] bone = Components.reachedFrom(seeds, dark, g);
        boolean[] candidate = new boolean[n];
        boolean[] deep = new boolean[n];
        for (int i = 0; i < n; i++) {
            candidate[i] = !bone[i] && (mask[i] || band[i] && level[i] >= boneBelow && level[i] <= tissueThreshold);
            deep[i] = mask[i] && !band[i];
        }
        return Components.reachedFrom(deep, candidate, g);
    }

    /**
     * A copy of {@code image} in which each voxel of {@code where} (off the grid's outer layer) is half
     * itself and half the mean of its face neighbours along the grid's fine axes (all but a thick-slice
     * grid's slice axis, {@link #thickSliceAxis}).
     */
    private static float[] withFineNeighbours(float[] image, boolean[] where, Grid3 g) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] stride = {1, nx, nx * ny};
        int thick = thickSliceAxis(g);
        int[] fine = new int[3];
        int axes = 0;
        for (int a = 0; a < 3; a++) {
            if (a != thick) {
                fine[axes++] = stride[a];
            }
        }
        float[] out = image.clone();
        for (int z = 1; z < nz - 1; z++) {
            for (int y = 1; y < ny - 1; y++) {
                for (int x = 1, v = 1 + nx * (y + ny * z); x < nx - 1; x++, v++) {
                    if (!where[v]) {
                        continue;
                    }
                    double sum = 0;
                    for (int a = 0; a < axes; a++) {
                        sum += image[v - fine[a]] + image[v + fine[a]];
                    }
                    out[v] = (float) (0.5 * image[v] + 0.5 * sum / (2 * axes));
                }
            }
        }
        return out;
    }

    /** The values of the voxels {@code in} accepts, in index order. */
    private static double[] values(float[] image, IntPredicate in) {
        int n = 0;
        for (int i = 0; i < image.length; i++) {
            n += in.test(i) ? 1 : 0;
        }
        double[] out = new double[n];
        for (int i = 0, k = 0; i < image.length; i++) {
            if (in.test(i)) {
                out[k++] = image[i];
            }
        }
        return out;
    }

    /** The skull peel's rule: deeper than the shell, or than the thin shell near brain tissue. */
    private static boolean keptByPeel(double toScalp, double toTissue) {
        return toScalp > SKULL_MM || toScalp > THIN_SKULL_MM && toTissue < SKULL_MM;
    }

    /**
     * The brain mask on the scan's grid {@code g} from one computed on the coarser working grid
     * {@code c} (factor {@code f}, see {@link Resolution}). Replicating the coarse voxels puts the skull
     * boundary on the working grid's 2 mm steps, and at the skull one step is the whole error: on three
     * clean 1 mm generated scans the mask held 44–58 cm³ of skull (and left out 10–17 cm³ of the
     * intracranial volume), and a peel one step deeper turned that into 15–18 cm³ of skull and 42–58
     * cm³ left out. So in the coarse voxels on either side of the mask's boundary (within the grown
     * region, and not added by the final closing) each fine voxel is judged by the peel's rule on the
     * coarse distances interpolated trilinearly at its centre, the distance to the scalp less
     * {@link #REFINE_SHIFT} of a working voxel. Of 24 clean 1 mm scans (1 mm and 1×1×3 mm, two
     * generated cohorts) brain Dice rose on 23 (by up to 0.013; 0.976 → 0.981, 0.962 → 0.975) and fell
     * on one by 0.001; CSF Dice rose on 21 (0.593 → 0.666, 0.579 → 0.618, 0.782 → 0.826, 0.811 →
     * 0.835), fell on two by at most 0.006 and stayed on one; GM Dice moved by at most 0.003. Nothing
     * changes on the working grid itself ({@code f} = 1) or without a peeled shell (T2w).
     */
    public static boolean[] refine(Peel coarse, Grid3 c, Grid3 g, int f) {
        boolean[] up = Resolution.upsample(coarse.mask(), g, f);
        if (f == 1 || !coarse.hasShell()) {
            return up;
        }
        boolean[] band = boundary(coarse.mask(), c);
        double[] s = c.spacing();
        double shift = REFINE_SHIFT * Math.min(s[0], Math.min(s[1], s[2]));
        double half = (f - 1) / 2.0;
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                int row = c.nx() * (y / f + c.ny() * (z / f));
                for (int x = 0; x < g.nx(); x++, v++) {
                    int w = row + x / f;
                    if (!band[w] || !coarse.region()[w] || coarse.mask()[w] && !coarse.peelKept()[w]) {
                        continue;
                    }
                    double cx = (x - half) / f;
                    double cy = (y - half) / f;
                    double cz = (z - half) / f;
                    up[v] = keptByPeel(at(coarse.toScalp(), c, cx, cy, cz) - shift, at(coarse.toTissue(), c, cx, cy, cz));
                }
            }
        }
        return up;
    }

    /**
     * The two bone thresholds of a scan, NaN both when the image shows no dark bone or no skull shell
     * was peeled (T2w).
     *
     * @param fit  below it the tissue fit leaves voxels out: halfway between the air and the central
     *             dark voxels' lower quartile ({@link #CSF_PERCENTILE})
     * @param mask where {@link #onScanGrid} cuts the mask: on a thick-slice grid {@code fit}; on others
     *             halfway between the air and the {@value #MASK_CSF_PERCENTILE}th percentile of the
     *             central dark voxels, nearer pure CSF ({@link #MASK_CSF_PERCENTILE})
     * @param air  the air's level both are measured from (its median)
     */
    public record BoneThresholds(double fit, double mask, double air) {
        /** No dark bone seen (or skull-stripped input): no cut. */
        public static final BoneThresholds NONE = new BoneThresholds(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The brain mask cut at bone again
     * ({@link #onScanGrid(Peel, boolean[], float[], double, Grid3, Grid3, int)}), halfway between the air
     * and {@code csf}, the tissue model's pure CSF level on the scan's voxels (on its bias-corrected
     * values, as the first cut's CSF level is on the raw ones), where that lies below the first cut
     * ({@code bone.mask()}) and the scan's finest voxel side is at most {@link #RECUT_FINEST_MM}; else
     * null (the first mask stands).
     */
    public static boolean[] recutAtCsf(Peel coarse, BoneThresholds bone, double csf, boolean[] head, float[] image,
            Grid3 c, Grid3 g, int f) {
        double level = (bone.air() + csf) / 2;
        if (g.finestMm() > RECUT_FINEST_MM || !(level < bone.mask())) {
            return null;
        }
        return onScanGrid(coarse, head, image, level, c, g, f);
    }

    /**
     * The bone thresholds for the scan's grid {@code g}, from one pass over the scan's own values, one
     * voxel per working-grid block ({@link Resolution#blockSample}) judged by the working grid's masks.
     * Block means pool CSF with the grey matter beside it and air noise over eight voxels, so their CSF
     * quartile lies higher and their air spread lower than the scan's: on generated 1 mm scans with
     * air-dark bone their threshold cut CSF the scan's keeps (one scan's CSF Dice 0.900 → 0.852), and on
     * 1×1×3 mm scans (a 2×2×6 mm working grid, bone mixed with scalp) only the scan's voxels show the
     * bone.
     */
    public static BoneThresholds boneThresholds(Peel coarse, float[] image, Grid3 g, int f) {
        if (!coarse.hasShell()) {
            return BoneThresholds.NONE;
        }
        return boneThresholds(f == 1 ? image : Resolution.blockSample(image, g, f), coarse.region(), coarse.toScalp(),
                coarse.tissueThreshold(), coarse.central(), coarse.outside(), Resolution.coarse(g, f),
                thickSliceAxis(g) >= 0 ? CSF_PERCENTILE : MASK_CSF_PERCENTILE);
    }

    /**
     * The brain mask of a skull-stripped image ({@link Anonymisation#strippedSupport}): the stripping
     * tool's own mask, the largest 6-connected component of the voxels above zero with its holes filled.
     * Peeling a skull there peels brain: on generated 1 mm scans stripped at the intracranial mask the
     * peel, taking the outer CSF (dark in T1w) for bone, left brain Dice 0.84–0.90 (CSF Dice 0.28–0.61)
     * and, on the skull-stripped real FLAIR and MNI152 2009 template of ../shared/data/nifti, cut 0.25 and
     * 0.36 litres of their 1.07 and 1.83.
     */
    public static boolean[] ofStripped(float[] image, Grid3 g) {
        boolean[] above = new boolean[image.length];
        for (int i = 0; i < image.length; i++) {
            above[i] = image[i] > 0;
        }
        return Components.fillHoles(Components.largest(above, g), g);
    }

    /**
     * The voxels of a skull-stripped image's brain mask ({@link #ofStripped}) the tissue model is fitted
     * on: on a grid with no voxel side above {@link #STRIPPED_EDGE_MAX_MM}, the mask without its outer
     * voxel layer (6-connected), else the whole mask. The outer voxels straddle the stripping tool's
     * cut, outer CSF with the zeroed bone beyond it, and pile up between the air and CSF, where the
     * mixture, with no class for them, took them for pure CSF: on the generated 1.5 T stripping site's
     * 1.25 mm scans of three young subjects (thin CSF) its CSF mean was 42–45 against a pure CSF of 51–53
     * and the CSF/GM cut fell with it. Of the 16 clean stripped scans of eight generated 1 mm cohorts
     * (that site's fitted on their own grid, the 1 mm ones of a 3 T site refitted on theirs), those three
     * went from CSF Dice 0.782 / 0.828 / 0.833 to 0.833 / 0.862 / 0.864 (model CSF mean 54–55), and no
     * tissue's Dice fell on the others by more than 0.001 (CSF up to +0.004).
     */
    public static boolean[] strippedFitVoxels(boolean[] mask, Grid3 g) {
        if (g.coarsestMm() > STRIPPED_EDGE_MAX_MM) {
            return mask;
        }
        return BinaryMorphology.erode(mask, g, BinaryMorphology.Connectivity.SIX, 1);
    }

    /**
     * Finest voxel side (mm) from which {@link #smoothedEdge} votes over an isotropic grid's face
     * neighbours instead of its 3×3×3 box. The box also shaves the convex steps of a smooth surface (a
     * voxel on a straight convex edge has 12 of its 27 inside) and on 3 mm voxels that costs as much
     * as it gains where the edge is not ragged: on ten low-noise generated 3 mm heads (two isotropic
     * site templates, five seeds, 1 % Rician noise; GeneratedCohortBrainMaskTest) brain Dice fell on nine
     * with the box (by up to 0.0012) and rose on nine with the face neighbours (by up to 0.0009, the
     * tenth −0.0001); on the noisier clean scans of a generated 3 mm cohort the box gave CSF Dice +0.002
     * more on average but one scan 0.005 less. On 1 mm voxels the box did better on both: nine low-noise
     * heads, and the 24 scans of three generated 1 mm cohorts (CSF Dice +0.002 more, never less).
     */
    static final double EDGE_BOX_BELOW_MM = 3;

    /**
     * A brain mask cut at dark bone with its edge smoothed: each voxel (off the grid's outer layer along
     * the axes it votes over) takes the majority vote of itself and its neighbours along the grid's fine
     * axes (all but a thick-slice grid's slice axis, {@link #thickSliceAxis}): its 3×3 box in-plane on
     * thick-slice grids, its 3×3×3 box on isotropic grids finer than {@link #EDGE_BOX_BELOW_MM}, else its
     * face neighbours.
     *
     * <p>On T1w, CSF lies little above the air-dark bone, and a cut at one level between them leaves a
     * ragged edge: noise puts single CSF voxels under it and single bone voxels over it. On the 16 clean
     * scans of generated 3 mm cohort seed 41 the cut mask left out 190–1,060 CSF voxels per scan (of
     * 1,390–16,600), spread evenly over the slices, and held 290–1,330 voxels of bone or scalp, most of
     * them labelled CSF. One vote fills the single-voxel pits and takes off the single-voxel bumps; a second
     * changed little (CSF Dice +0.002 at 3 mm, under +0.001 at 1 mm). Through-plane neighbours of a
     * thick-slice grid lie a slice thickness away, on another part of the skull (4×4×12 mm scans, voting
     * with them: one CSF Dice 0.706 → 0.695; in-plane alone 0.705). Over 156 clean T1w scans of fourteen
     * generated cohorts (seven at 1 mm, four at 3 mm, three at 4 mm) against the cut mask: CSF Dice rose
     * on every scan (3×3×9 mm +0.011 to +0.027, 3 mm +0.003 to +0.026, 4×4×12 mm 0 to +0.025, 4 mm +0.004
     * to +0.031, 1 mm and 1×1×3 mm +0.001 to +0.008) and brain Dice on none fell (up to +0.011); GM Dice
     * moved by −0.011 to +0.007, WM by −0.003 to +0.001. Scans with all three tissues at 0.85 or more: 3 mm
     * 10 → 15 of 43; brain Dice 0.95 or more: 3×3×9 mm 18 → 21 of 21. The vote is for the labels and the
     * mask reported: the tissue model stays fitted on the cut mask (a face-neighbour vote before the fit
     * moved the fit on 3×3×9 mm scans: one GM Dice 0.832 → 0.663). On T2w the mask's edge lies between
     * bright CSF and dark bone and is not ragged; there the vote lowered CSF Dice (16 3 mm scans, by up
     * to 0.014), and its masks are not cut at bone, so they do not come here.
     */
    public static boolean[] smoothedEdge(boolean[] mask, Grid3 g) {
        int[] size = {g.nx(), g.ny(), g.nz()};
        int[] stride = {1, g.nx(), g.nx() * g.ny()};
        int thick = thickSliceAxis(g);
        boolean box = thick >= 0 || g.finestMm() < EDGE_BOX_BELOW_MM;
        byte[] votes = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            votes[i] = (byte) (mask[i] ? 1 : 0);
        }
        int voters = 1;
        byte[] own = box ? null : votes.clone();
        for (int a = 0; a < 3; a++) {
            if (a == thick) {
                continue;
            }
            if (box) {
                // separable: the 3-box sums along each fine axis in turn
                votes = boxSum3(votes, size, stride, a);
                voters *= 3;
            } else {
                int s = stride[a];
                for (int v = s; v < mask.length - s; v++) {
                    votes[v] += (byte) (own[v - s] + own[v + s]);
                }
                voters += 2;
            }
        }
        boolean[] out = mask.clone();
        for (int z = 0, v = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++, v++) {
                    if (inside(x, 0, size, thick) && inside(y, 1, size, thick) && inside(z, 2, size, thick)) {
                        out[v] = 2 * votes[v] > voters;
                    }
                }
            }
        }
        return out;
    }

    /** True when coordinate {@code c} along axis {@code a} is off the grid's outer layer, or the axis is {@code thick}. */
    private static boolean inside(int c, int a, int[] size, int thick) {
        return a == thick || c > 0 && c < size[a] - 1;
    }

    /** Each voxel's sum over itself and its two neighbours along axis {@code a} (a missing one counts 0). */
    private static byte[] boxSum3(byte[] in, int[] size, int[] stride, int a) {
        byte[] out = in.clone();
        int s = stride[a];
        int n = size[a];
        for (int v = 0; v < in.length; v++) {
            int c = v / s % n;
            if (c > 0) {
                out[v] += in[v - s];
            }
            if (c < n - 1) {
                out[v] += in[v + s];
            }
        }
        return out;
    }

    /**
     * The brain mask on the scan's grid: {@link #refine(Peel, Grid3, Grid3, int)}, then, when the image
     * shows dark bone ({@code boneBelow} not NaN), {@link #withoutBone} on the scan's own voxels.
     */
    public static boolean[] onScanGrid(Peel coarse, float[] image, double boneBelow, Grid3 c, Grid3 g, int f) {
        boolean[] geometric = refine(coarse, c, g, f);
        if (Double.isNaN(boneBelow)) {
            return geometric;
        }
        float[] depth = DistanceTransform.distanceTo(complement(coarse.region()), c);
        return withoutBone(geometric, Resolution.upsample(coarse.region(), g, f), Resolution.upsample(depth, g, f),
                image, boneBelow, coarse.tissueThreshold(), g);
    }

    /**
     * {@link #onScanGrid(Peel, float[], double, Grid3, Grid3, int)}, then on a grid whose finest side is
     * at most {@link #CUT_FACE_FINEST_MM} the brain where the field of view cuts it:
     * {@link #intoCutFaces}.
     *
     * @param head the head mask on the scan's grid, the grid's outer layers included
     */
    public static boolean[] onScanGrid(Peel coarse, boolean[] head, float[] image, double boneBelow, Grid3 c, Grid3 g,
            int f) {
        boolean[] mask = onScanGrid(coarse, image, boneBelow, c, g, f);
        if (Double.isNaN(boneBelow) || g.finestMm() > CUT_FACE_FINEST_MM) {
            return mask;
        }
        return intoCutFaces(mask, head, image, boneBelow, g, FACE_LAYERS * f);
    }

    /**
     * {@code mask} continued into the {@code layers} outermost layers of each face of the grid, which the
     * peel leaves out ({@link #FACE_LAYERS}), where the head reaches that face: from the innermost of
     * them outwards, a voxel joins when its neighbour one layer inwards is in the mask, the face voxel
     * of its row is head, and its value lies from {@code boneBelow} (dark bone stops it) to
     * {@link #CORE_CAP} times the mask's white matter (bright scalp and neck fat stop it). It follows
     * the rows straight and never widens, as the brainstem and cerebellum narrow towards the cut.
     */
    static boolean[] intoCutFaces(boolean[] mask, boolean[] head, float[] image, double boneBelow, Grid3 g,
            int layers) {
        int[] n = {g.nx(), g.ny(), g.nz()};
        int[] stride = {1, g.nx(), g.nx() * g.ny()};
        boolean[] out = mask.clone();
        double cap = Double.NaN;
        for (int axis = 0; axis < 3; axis++) {
            int u = axis == 0 ? 1 : 0;
            int w = axis == 2 ? 1 : 2;
            int depth = Math.min(layers, n[axis] / 2);
            for (int side = 0; side < 2; side++) {
                int inward = side == 0 ? stride[axis] : -stride[axis];
                for (int k = depth - 1; k >= 0; k--) {
                    int layer = side == 0 ? k : n[axis] - 1 - k;
                    int face = side == 0 ? 0 : n[axis] - 1;
                    for (int b = 0; b < n[w]; b++) {
                        for (int a = 0; a < n[u]; a++) {
                            int row = a * stride[u] + b * stride[w];
                            int v = row + layer * stride[axis];
                            if (out[v] || !out[v + inward] || !head[row + face * stride[axis]]
                                    || image[v] < boneBelow) {
                                continue;
                            }
                            if (Double.isNaN(cap)) {
                                cap = CORE_CAP * medianAbove(image, mask, Otsu.thresholds3(image, mask)[1]);
                            }
                            out[v] = image[v] <= cap;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double at(float[] field, Grid3 c, double x, double y, double z) {
        return GridSampling.trilinear(field, c.nx(), c.ny(), c.nz(), x, y, z);
    }

    /** Voxels with a face neighbour on the other side of the mask. */
    private static boolean[] boundary(boolean[] mask, Grid3 c) {
        boolean[] out = new boolean[mask.length];
        int nx = c.nx();
        int ny = c.ny();
        int nz = c.nz();
        int nxy = nx * ny;
        for (int z = 0, v = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    boolean m = mask[v];
                    out[v] = x > 0 && mask[v - 1] != m || x < nx - 1 && mask[v + 1] != m
                            || y > 0 && mask[v - nx] != m || y < ny - 1 && mask[v + nx] != m
                            || z > 0 && mask[v - nxy] != m || z < nz - 1 && mask[v + nxy] != m;
                }
            }
        }
        return out;
    }

    /** The largest component, closed by twice the erosion, holes (ventricles) filled. */
    private static boolean[] finish(boolean[] brain, Grid3 g, double erosionMm) {
        boolean[] largest = Components.largest(brain, g);
        return Components.fillHoles(BinaryMorphology.closeMm(largest, g, 2 * erosionMm), g);
    }

    /** The median of the voxels of {@code mask} whose value is above {@code limit}; +∞ for none. */
    private static double medianAbove(float[] image, boolean[] mask, double limit) {
        double[] v = values(image, i -> mask[i] && image[i] > limit);
        return v.length == 0 ? Double.POSITIVE_INFINITY : OrderStatistics.median(v, v.length);
    }

    /** The mean of the voxels of {@code mask} whose value is at most {@code limit}. */
    private static double meanAtMost(float[] image, boolean[] mask, double limit) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < image.length; i++) {
            if (mask[i] && image[i] <= limit) {
                sum += image[i];
                n++;
            }
        }
        return n == 0 ? limit : sum / n;
    }

    /**
     * T2w: the closing bridges into the dark bone around the bright CSF; the dark voxels of the mask
     * connected to its outer boundary through dark voxels are bone, not brain, and leave the mask.
     */
    private static boolean[] withoutOuterDark(boolean[] brain, float[] image, double darkBelow, Grid3 g) {
        boolean[] dark = new boolean[brain.length];
        for (int i = 0; i < brain.length; i++) {
            dark[i] = brain[i] && image[i] <= darkBelow;
        }
        boolean[] rim = BinaryMorphology.dilate(complement(brain), g, BinaryMorphology.Connectivity.SIX, 1);
        boolean[] seeds = new boolean[brain.length];
        for (int i = 0; i < brain.length; i++) {
            seeds[i] = dark[i] && rim[i];
        }
        boolean[] bone = Components.reachedFrom(seeds, dark, g);
        boolean[] out = new boolean[brain.length];
        for (int i = 0; i < brain.length; i++) {
            out[i] = brain[i] && !bone[i];
        }
        return Components.largest(out, g);
    }

    private static boolean[] complement(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }

    /** A copy of the image with every voxel above {@code csfThreshold} set to zero. */
    private static float[] csfDarkened(float[] image, double csfThreshold) {
        float[] out = image.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] > csfThreshold) {
                out[i] = 0;
            }
        }
        return out;
    }

    /**
     * The voxels of {@code allowed} within {@code marginMm} of the sources along paths inside it; the
     * sources start as the core, and every deep part the growth touches joins them, whole.
     */
    private static boolean[] grow(boolean[] core, boolean[] deep, boolean[] allowed, Grid3 g, double marginMm) {
        boolean[] sources = core.clone();
        while (true) {
            float[] d = GeodesicDistance.from(sources, allowed, g, marginMm);
            boolean[] touched = new boolean[d.length];
            boolean grew = false;
            for (int i = 0; i < d.length; i++) {
                touched[i] = deep[i] && !sources[i] && d[i] <= marginMm;
            }
            boolean[] joined = Components.reachedFrom(touched, deep, g);
            for (int i = 0; i < d.length; i++) {
                grew |= joined[i] && !sources[i];
                sources[i] |= joined[i];
            }
            if (!grew) {
                boolean[] out = new boolean[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = d[i] <= marginMm;
                }
                return out;
            }
        }
    }

    /**
     * Share of a slice's neighbours' core (the larger of the two) under which a thick-slice grid's slice
     * counts as dropped from the core ({@link #withDroppedSlices}).
     */
    static final double DROPPED_SLICE_SHARE = 0.25;

    /**
     * The core of a thick-slice grid (slices across {@code axis}) with the slices it dropped carried over
     * from their neighbours: in a slice whose core holds fewer than {@link #DROPPED_SLICE_SHARE} of the
     * voxels of the larger neighbouring slice's, the tissue-like voxels deeper than {@code skinMm} beside
     * a core voxel of either neighbouring slice join it, slice by slice until no slice gains; {@code core}
     * itself when no slice was dropped.
     *
     * <p>The core grows from the central pieces of the eroded tissue, and a piece that meets the skin
     * within its slice is taken for scalp and left out ({@link #withoutSkinInSlices}); the erosion does
     * not reach across a thick slice, so nothing brings such a slice back. On T2w the darkened CSF is
     * what parts brain from scalp, and a 9–12 mm slice mixes it with grey matter and bone into voxels it
     * does not darken: slices of brain joined the scalp and were lost whole. A generated 4×4×12 mm T2w
     * head (cohort seed 41, sub-001) kept 2–13 core voxels in four of its slices against 371–686 in the
     * slices beside them, and its brain mask only the bright CSF ring there (brain Dice 0.743; 0.933 with
     * the slices carried over). Of the 34 clean thick-slice T2w scans of six generated cohorts (seeds 41,
     * 1 and 3 at 3 and 4 mm), brain Dice rose on 18 and fell on none by more than 0.002: 4×4×12 mm 0.539
     * → 0.817, 0.549 → 0.680, 0.741 → 0.939, 0.779 → 0.937, 0.805 → 0.921, 0.815 → 0.946, 0.816 →
     * 0.906, 0.840 → 0.923, 0.870 → 0.932, 0.872 → 0.908, ...; 3×3×9 mm 0.802 → 0.937, 0.844 → 0.929,
     * 0.868 → 0.896, 0.886 → 0.954, .... The carried slices are for the mask and the labels: the tissue
     * model is fitted on the mask without them (QualityPipeline), since at a brain's end slice the carried
     * core overshoots the tapering brain (a generated 3×3×9 mm T2w head's vertex slice: 284 intracranial
     * voxels, 314 more taken in), and refitted on such a mask the model moved (that head's CSF / GM Dice
     * 0.737 / 0.730 → 0.693 / 0.675; a cohort scan whose mask hardly changed, 0.817 / 0.729 → 0.611 /
     * 0.558). Fitted without them, on those 34 scans CSF Dice rose on 12 (by up to 0.095) and fell on one
     * by 0.003, GM rose on 18 (up to 0.183) and fell on two by at most 0.007, WM rose on 14 (up to 0.275)
     * and fell on three by at most 0.020; that head 0.739 / 0.713 (brain Dice 0.938 → 0.936). Carrying
     * every slice, not only dropped ones, took 0.014–0.024 off four 3×3×9 mm masks of cohort seed 41 that
     * had lost none: the carried voxels then reach past the brain where it narrows from slice to slice.
     * The 25 clean thick-slice T1w scans of cohorts 41 and 1 (3 and 4 mm): brain Dice 0.954 → 0.962 (GM
     * 0.693 → 0.706) on one, up by at most 0.002 on three, the rest unchanged.
     */
    private static boolean[] withDroppedSlices(boolean[] core, boolean[] tissueLike, float[] depth, double skinMm,
            Grid3 g, int axis) {
        int stride = axis == 0 ? 1 : axis == 1 ? g.nx() : g.nx() * g.ny();
        int n = axis == 0 ? g.nx() : axis == 1 ? g.ny() : g.nz();
        boolean[] out = core;
        while (true) {
            long[] perSlice = new long[n];
            for (int v = 0; v < out.length; v++) {
                perSlice[v / stride % n] += out[v] ? 1 : 0;
            }
            boolean[] next = out.clone();
            boolean grew = false;
            for (int v = 0; v < out.length; v++) {
                if (out[v] || !tissueLike[v] || depth[v] <= skinMm) {
                    continue;
                }
                int c = v / stride % n;
                long beside = Math.max(c > 0 ? perSlice[c - 1] : 0, c < n - 1 ? perSlice[c + 1] : 0);
                if (perSlice[c] < DROPPED_SLICE_SHARE * beside
                        && (c > 0 && out[v - stride] || c < n - 1 && out[v + stride])) {
                    next[v] = true;
                    grew = true;
                }
            }
            if (!grew) {
                return out;
            }
            out = next;
        }
    }

    /** Voxels at least {@value #FACE_LAYERS} layers inside the grid (see {@link #FACE_LAYERS}). */
    private static boolean[] interior(Grid3 g) {
        boolean[] out = new boolean[g.size()];
        for (int z = 0, i = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, i++) {
                    int layer = Math.min(Math.min(x, g.nx() - 1 - x),
                            Math.min(Math.min(y, g.ny() - 1 - y), Math.min(z, g.nz() - 1 - z)));
                    out[i] = layer >= FACE_LAYERS;
                }
            }
        }
        return out;
    }

    /**
     * On a thick-slice grid (one voxel side at least {@value #THICK_SLICE_RATIO} times both others),
     * {@code eroded} without its in-slice pieces that come within {@code skinMm} of the skin (depth is
     * the distance to the air beyond it); otherwise {@code eroded} itself. The erosion cannot cut across
     * a slice thicker than itself, so there the scalp, face and neck of the bottom slices join the
     * brain's eroded component through the slice above or below (the orbital roof and skull base are
     * thinner than a 9 mm slice) and came into the core whole: generated 3×3×9 mm scans lost up to
     * 0.12 brain Dice to it (one clean scan 0.895, with 1,852 scalp voxels in the mask). Within a slice
     * the brain's pieces lie deeper than skull and scalp, while every piece of scalp touches the skin.
     * Over 51 thick-slice scans (clean and corrupted) of five generated 3 mm cohorts, brain Dice rose on
     * 19 (0.849–0.953 → 0.871–0.965) and fell on none; 1×1×3 mm scans (a 2×2×6 mm working grid) were
     * unchanged. A slice whose brain met the scalp within it is lost whole; {@link #withDroppedSlices}
     * carries such slices over from their neighbours.
     *
     * <p>T2w ({@code brightCsf}): on every grid, in the slices across its coarsest axis (z when none is
     * coarser). No cap keeps T2w scalp and face out of the core (they are about as dark as grey matter,
     * 0.82–0.86 of white matter in the generated heads), and where the skull base is thin at 4 mm the
     * eroded face and neck met the brainstem's: of 160 generated T2w heads (80 on each of the 3 and 4 mm
     * grids), four on 3.75, 4×4×4.8 and 4×4×6 mm voxels had brain Dice 0.881–0.891, 0.961–0.973 with the
     * rule; no other head changed, nor 16 at 1 mm. Measured before the erosion removed a voxel of 5 mm
     * grids, the rule had cost 5 mm heads (0.856 → 0.600).
     */
    private static boolean[] withoutSkinInSlices(boolean[] eroded, float[] depth, Grid3 g, double skinMm,
            boolean brightCsf) {
        int axis = thickSliceAxis(g);
        if (axis < 0 && brightCsf) {
            axis = coarsestAxis(g);
        }
        if (axis < 0) {
            return eroded;
        }
        boolean[] skin = new boolean[eroded.length];
        for (int i = 0; i < eroded.length; i++) {
            skin[i] = eroded[i] && depth[i] <= skinMm;
        }
        boolean[] scalp = Components.reachedInSlices(skin, eroded, g, axis);
        boolean[] out = new boolean[eroded.length];
        for (int i = 0; i < eroded.length; i++) {
            out[i] = eroded[i] && !scalp[i];
        }
        return out;
    }

    /**
     * On a thick-slice grid, the mask voxels on both an in-plane and a through-plane edge of the mask
     * that the tissue model labelled grey or white matter (label 2 or 3, {@code labels}); none on other
     * grids. For T1w-like contrast, where CSF is the darkest tissue (the pipeline asks on no other).
     * Such a corner voxel is where a thick slice cuts the skull obliquely, at the top and bottom of the
     * brain, and its value mixes the dark bone with whatever lies on either side of it. Where most of
     * the voxel is intracranial, the part next to the skull is the CSF that lines the brain, and the
     * voxel reads as CSF; where the voxel reads brighter than the model's CSF/GM cut, its brightness
     * comes mostly from brain tissue (or scalp) filling the smaller part of it, and the truth of
     * generated heads calls most such voxels skull. On 56 clean thick-slice scans of seven generated
     * cohorts the corners named took out of the masks 10,150 skull and 2,802 intracranial voxels on 31
     * 3×3×9 mm scans, 1,676 and 759 on 13 4×4×12 mm ones, 3,539 and 2,050 on 12 1×1×3 mm ones (whose
     * masks hold about half a million voxels each). Corner voxels that read as CSF, and in-plane or
     * through-plane edge voxels alone, are mostly intracranial at every value.
     *
     * <p>Removed once, after the tissue fit (the fit's voxels stay as they were): on those 56 scans brain
     * Dice rose on 45 (by up to 0.012; mean 0.9525 → 0.9574) and fell on three (by 0.006 on a 4×4×12 mm
     * scan, by 0.001 on two); GM Dice rose on 49 (by up to 0.047), fell on four by at most 0.003; WM rose
     * on 37, fell on three by at most 0.001; CSF unchanged. The 3×3×9 mm masks reaching Dice 0.95: 17 →
     * 27 of 31. A second pass on the new corners took intracranial voxels out too (mean 0.9558, one scan
     * −0.017). The rule tiers of 18 generated tier cohorts (3 and 4 mm sites, 40–90 scans): mean ρ with
     * the true tier 0.8815 → 0.8782, up on three cohorts (by up to 0.059), down on five (by up to
     * 0.044); two clean 3×3×9 mm scans of one cohort fell to tier 3 on snr_wm (z −3.0 and −3.3), their
     * own values slightly higher but their site's norm narrower (clean scans in tiers 4–5: 539 → 537 of
     * 542).
     */
    public static boolean[] brightCorners(boolean[] mask, byte[] labels, Grid3 g) {
        boolean[] out = new boolean[mask.length];
        int axis = thickSliceAxis(g);
        if (axis < 0) {
            return out;
        }
        int nx = g.nx();
        int nxy = nx * g.ny();
        for (int z = 0, v = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < nx; x++, v++) {
                    if (!mask[v] || labels[v] < 2) {
                        continue;
                    }
                    boolean ex = onEdge(mask, v, x, nx, 1);
                    boolean ey = onEdge(mask, v, y, g.ny(), nx);
                    boolean ez = onEdge(mask, v, z, g.nz(), nxy);
                    out[v] = switch (axis) {
                        case 0 -> ex && (ey || ez);
                        case 1 -> ey && (ex || ez);
                        default -> ez && (ex || ey);
                    };
                }
            }
        }
        return out;
    }

    /**
     * True when voxel {@code v}, at coordinate {@code c} of {@code n} along an axis of flat stride
     * {@code stride}, has a face neighbour along that axis outside {@code mask} or beyond the grid.
     */
    private static boolean onEdge(boolean[] mask, int v, int c, int n, int stride) {
        return c == 0 || c == n - 1 || !mask[v - stride] || !mask[v + stride];
    }

    /**
     * The grid on which the core's erosion, its dilation back and the deep parts' distance to the skin
     * are measured: {@code g} with every voxel side longer than the erosion shortened to it, except the
     * slice axis of a thick-slice grid, so that the erosion removes at least one voxel along each other
     * axis. A 4 mm erosion measured on 4×4×6 or 4×4×4.8 mm voxels removed nothing along the slices, and
     * where a thin orbital roof, partial-volumed with brain and face, was all that parted them, the face
     * joined the core through the slice above: generated T2w heads on the 4 mm grid, brain Dice 0.872 →
     * 0.972 (4×4×6) and 0.876 → 0.973 (4×4×4.8), 3×3×4.5 mm heads +0.003. Across a thick slice
     * (3×3×9, 4×4×12 mm) one voxel is a third of the brain's slab, so the erosion keeps to the plane
     * there ({@link #withoutSkinInSlices} cuts the face off instead). {@code g} itself when no side is longer.
     */
    private static Grid3 erosionGrid(Grid3 g, double erosionMm) {
        int thick = thickSliceAxis(g);
        double[] s = g.spacing().clone();
        boolean shortened = false;
        for (int k = 0; k < 3; k++) {
            if (k != thick && s[k] > erosionMm) {
                s[k] = erosionMm;
                shortened = true;
            }
        }
        return shortened ? new Grid3(g.nx(), g.ny(), g.nz(), s) : g;
    }

    /** The axis with the longest voxel side; z (2) when none is longer than it. */
    private static int coarsestAxis(Grid3 g) {
        double[] s = g.spacing();
        int axis = 2;
        for (int k = 0; k < 2; k++) {
            if (s[k] > s[axis]) {
                axis = k;
            }
        }
        return axis;
    }

    /** The axis of a thick-slice grid (one voxel side {@value #THICK_SLICE_RATIO} times both others), else −1. */
    private static int thickSliceAxis(Grid3 g) {
        double[] s = g.spacing();
        for (int k = 0; k < 3; k++) {
            if (s[k] >= THICK_SLICE_RATIO * s[(k + 1) % 3] && s[k] >= THICK_SLICE_RATIO * s[(k + 2) % 3]) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The components of {@code eroded} of at least {@value #MIN_DEEP_MM3} mm³ none of whose voxels lies
     * within {@code skinMm} of the skin ({@code depth}: distance to the air beyond it).
     */
    private static boolean[] deepComponents(boolean[] eroded, float[] depth, Grid3 g, double skinMm) {
        boolean[] shallow = new boolean[eroded.length];
        for (int i = 0; i < eroded.length; i++) {
            shallow[i] = eroded[i] && depth[i] <= skinMm;
        }
        boolean[] outer = Components.reachedFrom(shallow, eroded, g);
        boolean[] out = new boolean[eroded.length];
        for (int i = 0; i < eroded.length; i++) {
            out[i] = eroded[i] && !outer[i];
        }
        return Components.atLeast(out, g, (int) Math.ceil(MIN_DEEP_MM3 / g.voxelVolume()));
    }

    /** Voxels of {@code mask} within {@code radiusMm} of {@code centre} (voxel coordinates). */
    private static boolean[] within(boolean[] mask, Grid3 g, double[] centre, double radiusMm) {
        boolean[] out = new boolean[mask.length];
        double[] s = g.spacing();
        for (int z = 0, v = 0; z < g.nz(); z++) {
            double dz = (z - centre[2]) * s[2];
            for (int y = 0; y < g.ny(); y++) {
                double dy = (y - centre[1]) * s[1];
                for (int x = 0; x < g.nx(); x++, v++) {
                    double dx = (x - centre[0]) * s[0];
                    out[v] = mask[v] && dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm;
                }
            }
        }
        return out;
    }
}
