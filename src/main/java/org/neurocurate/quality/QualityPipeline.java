package org.neurocurate.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.iqm.GhostToSignal;
import org.neurocurate.quality.iqm.IqmCalculator;
import org.neurocurate.quality.iqm.IqmInputs;
import org.neurocurate.quality.iqm.SliceDropout;
import org.neurocurate.quality.masks.Anonymisation;
import org.neurocurate.quality.masks.ArtifactMask;
import org.neurocurate.quality.masks.BackgroundMasks;
import org.neurocurate.quality.masks.BrainMask;
import org.neurocurate.quality.masks.DistanceTransform;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.HatMask;
import org.neurocurate.quality.masks.HeadMask;
import org.neurocurate.quality.masks.Resolution;
import org.neurocurate.quality.masks.Smoothness;
import org.neurocurate.quality.tissue.GeometricTissuePrior;
import org.neurocurate.quality.tissue.TissueMaps;
import org.neurocurate.quality.tissue.TissueModel;
import org.neurocurate.quality.tissue.TissueSegmentation;
import org.neurocurate.volume.Affine;
import org.neurocurate.volume.Volume;

/**
 * Level (b) quality control of one structural scan, from the raw image alone: rotation (zero-padding)
 * and head masks, brain mask, three-class tissue segmentation with partial-volume maps and bias field,
 * hat, artifact and air masks, smoothness, anonymisation flags, then MRIQC's IQMs on the bias-corrected
 * image with those inputs (level a), and NeuroCurate's own {@link SliceDropout slice_dropout} and
 * {@link GhostToSignal gsr_x, gsr_y, gsr_z} on the raw image and head mask.
 *
 * <p>Masks, the tissue model and the prior are built on a working grid of about
 * {@link QcConfig#workingMm()} (block means of the scan, an integer factor per scan) and replicated back;
 * bias field, corrected image, tissue posteriors, artifact test, smoothness and IQMs are computed on
 * the scan's own grid.
 *
 * <p>NaN, negative and infinite values count as no signal (0), as negatives and NaN do in MRIQC: an
 * infinite voxel (numpy's {@code nan_to_num} would make it the float64 maximum) would otherwise set the
 * range of every intensity histogram, and 50 of them in the air of a generated 3 mm head left no brain.
 *
 * <p>Flagged scans (defaced, skull-stripped) still get a value for every IQM: where MRIQC's arithmetic
 * leaves a value undefined, background summary statistics are 0 (MRIQC's documented convention for an
 * empty air mask) and any other undefined IQM is −1 (MRIQC's "not measurable" sentinel).
 */
public final class QualityPipeline {

    /** Smallest brain (cm³) the pipeline accepts; a neonate's brain is about 400 cm³, an adult's 1100–1500. */
    public static final double MIN_BRAIN_CM3 = 200;

    /**
     * Smallest {@link SliceDropout slice_dropout} named in a "no brain found" error: a slab that lost
     * at least half its signal (clean scans measure up to about 0.2, other artefacts up to 0.3). A black
     * slab through the head cuts it apart, and the brain mask, which keeps one connected brain, then
     * finds a piece of it: on generated 3–4 mm heads (two subjects, each axis) a slab of 30 % of the
     * field of view with no signal left brain masks of 27–191 cm³ on 10 of 12 heads, of which 9 measured
     * slice_dropout 0.58–1.00 (the tenth under 0.5). A batch met one such scan in a generated 3 mm cohort
     * (seed 3, a slab of 11 % at full attenuation, brain mask 43 cm³, slice_dropout 0.96).
     */
    static final double DROPOUT_NAMED = 0.5;

    private QualityPipeline() {
    }

    /**
     * The reason a scan has no brain to measure: the brain mask's size, and the slab of lost signal
     * when {@code sliceDropout} says there is one ({@link #DROPOUT_NAMED}), so that a batch row of a
     * head cut apart by a signal dropout does not read like one of a non-brain image.
     */
    static String noBrain(double brainCm3, double sliceDropout) {
        String reason = String.format(Locale.ROOT, "no brain found (brain mask %.0f cm3, need %.0f)", brainCm3,
                MIN_BRAIN_CM3);
        if (sliceDropout >= DROPOUT_NAMED) {
            reason += String.format(Locale.ROOT, "; slice_dropout %.2f: a slab of slices lost most of its signal"
                    + " and may have cut the head apart", sliceDropout);
        }
        return reason;
    }

    /**
     * @throws NoBrainException when the brain mask is smaller than {@link #MIN_BRAIN_CM3}
     * @throws IllegalArgumentException when the image is not 3D (axes of size 1 beyond the third
     *         do not count: {@link Volume#withoutTrailingSingletons()})
     */
    public static QcResult run(Volume scan, QcConfig config, ProgressListener progress) throws NoBrainException {
        Volume volume = scan.withoutTrailingSingletons();
        long[] d = volume.dimensions();
        if (d.length != 3) {
            throw new IllegalArgumentException("quality control needs a 3D image, got dimensions " + Arrays.toString(d)
                    + (d.length == 4 ? ": a series of " + d[3] + " volumes; extract the one to assess" : ""));
        }
        Grid3 g = new Grid3((int) d[0], (int) d[1], (int) d[2], volume.spacing());
        float[] image = volume.toFloatArray();
        for (int i = 0; i < image.length; i++) {
            if (!(image[i] > 0 && image[i] < Float.POSITIVE_INFINITY)) {
                image[i] = 0;
            }
        }
        double finest = g.finestMm();
        int f = Math.max(1, (int) Math.floor(config.workingMm() / finest + 1e-6));
        Grid3 c = Resolution.coarse(g, f);
        float[] small = f == 1 ? image : Resolution.blockMean(image, g, f);
        Affine coarseToWorld = volume.voxelToWorld().compose(Affine.fromRows(new double[][] {
            {f, 0, 0, (f - 1) / 2.0}, {0, f, 0, (f - 1) / 2.0}, {0, 0, f, (f - 1) / 2.0}}));

        progress.status("head, rotation and brain masks");
        boolean[] rotationC = HeadMask.rotation(small, c);
        boolean[] headC = HeadMask.compute(small, c);
        for (int i = 0; i < headC.length; i++) {
            headC[i] &= !rotationC[i];
        }
        BrainMask.Peel peel = BrainMask.peeled(small, headC, c, config.brainErosionMm(), config.brainCsfMarginMm(),
                config.tissue().brightCsf());
        // skull-stripped: zero air around a brain, off which the peel takes a thin shell, not a scalp and skull;
        // its brain mask is then the stripping tool's, its nonzero voxels, which the head takes in
        boolean[] supportC = Anonymisation.strippedSupport(small, headC, peel.mask(), c);
        boolean stripped = supportC != null;
        if (stripped) {
            for (int i = 0; i < headC.length; i++) {
                headC[i] |= supportC[i];
            }
        }
        boolean[] head = up(headC, g, f);
        // stages that only read finished masks run beside the single-threaded mask and tissue stages
        // (none of them writes to its inputs)
        ForkJoinTask<Double> sliceDropout = ForkJoinTask.adapt(
                () -> SliceDropout.compute(image, head, new int[] {g.nx(), g.ny(), g.nz()})).fork();
        boolean[] brain;
        double boneBelow = Double.NaN;
        BrainMask.BoneThresholds bone = BrainMask.BoneThresholds.NONE;
        if (stripped) {
            brain = f == 1 ? supportC : BrainMask.ofStripped(image, g);
        } else {
            // the mask is cut at bone nearer pure CSF than the level below which the tissue fit leaves voxels
            // out (BrainMask.MASK_CSF_PERCENTILE)
            bone = BrainMask.boneThresholds(peel, image, g, f);
            boneBelow = bone.fit();
            brain = BrainMask.onScanGrid(peel, head, image, bone.mask(), c, g, f);
        }
        // the slices a thick-slice core dropped, carried over from their neighbours, are for the mask: the tissue
        // model is fitted on the mask without them (BrainMask.withDroppedSlices)
        boolean[] brainFit = stripped || peel.forFit() == peel ? brain
                : BrainMask.onScanGrid(peel.forFit(), head, image, bone.mask(), c, g, f);
        boolean[] brainC = f == 1 ? brain : Resolution.blockMajority(brain, g, f);
        double brainCm3 = count(brainC) * c.voxelVolume() / 1000;
        if (brainCm3 < MIN_BRAIN_CM3) {
            throw new NoBrainException(noBrain(brainCm3, sliceDropout.join()));
        }
        // the mask is made on the scan's grid (where it can cut at dark bone) and taken back to the working
        // grid; voxels as dark as bone (partial volume at the skull's inner surface) are no tissue to model
        boolean[] fitMask = brainFit == brain ? brainC.clone()
                : f == 1 ? brainFit.clone() : Resolution.blockMajority(brainFit, g, f);
        for (int i = 0; i < fitMask.length; i++) {
            fitMask[i] &= !(small[i] < boneBelow);
        }
        // a stripping mask's outer voxels straddle its cut (BrainMask.strippedFitVoxels)
        boolean[] scanFit = brainFit;
        if (stripped) {
            fitMask = BrainMask.strippedFitVoxels(fitMask, c);
            scanFit = BrainMask.strippedFitVoxels(brain, g);
        }
        ForkJoinTask<HeadGeometry> geometry = ForkJoinTask.adapt(
                () -> HeadGeometry.of(small, headC, rotationC, brainC, stripped, c, coarseToWorld, g, f)).fork();
        TissueModel model = TissueSegmentation.fit(small, fitMask, c, config.tissue(), progress);

        progress.status("tissue maps and artifacts at full resolution");
        // the mask cut at bone has a ragged edge, which a majority vote smooths for the labels and the result
        // (BrainMask.smoothedEdge); the tissue model stays fitted on the cut mask
        boolean[] labelled = Double.isNaN(boneBelow) ? brain : BrainMask.smoothedEdge(brain, g);
        TissueMaps tissue = TissueSegmentation.apply(model, image, labelled, scanFit, g, config.tissue());
        // on a fine grid the model's pure CSF may say the bone cut took CSF (BrainMask.RECUT_FINEST_MM)
        boolean[] recut = BrainMask.recutAtCsf(peel, bone, tissue.means()[0], head, image, c, g, f);
        if (recut != null) {
            labelled = BrainMask.smoothedEdge(recut, g);
            tissue = TissueSegmentation.apply(model, image, labelled, recut, g, config.tissue());
        }
        brain = labelled;
        HeadGeometry around = geometry.join();
        // thick-slice corners brighter than CSF are mostly skull (T1w); skull-stripped input has none
        if (!config.tissue().brightCsf() && !around.anonymisation().skullStripped()) {
            tissue.remove(BrainMask.brightCorners(brain, tissue.labels(), g), brain);
        }
        boolean[] rotation = up(rotationC, g, f);
        boolean[] noBackground = around.anonymisation().mask().clone();
        for (int i = 0; i < noBackground.length; i++) {
            noBackground[i] |= rotation[i];
        }
        ForkJoinTask<double[]> ghosts = ForkJoinTask.adapt(
                () -> GhostToSignal.compute(image, head, noBackground, new int[] {g.nx(), g.ny(), g.nz()})).fork();
        boolean[] hat = around.hat();
        boolean[] artifacts = ArtifactMask.compute(tissue.corrected(), hat, around.distance(), g);
        boolean[] air = new boolean[image.length];
        for (int i = 0; i < air.length; i++) {
            air[i] = hat[i] && !artifacts[i];
        }
        BackgroundMasks background = new BackgroundMasks(head, rotation, hat, artifacts, air);
        double[] fwhm = Smoothness.fwhmMm(tissue.corrected(), brain, g);
        Anonymisation anonymisation = around.anonymisation();
        float[][] prior = around.prior();

        progress.status("image quality metrics");
        IqmInputs inputs = new IqmInputs(new int[] {g.nx(), g.ny(), g.nz()}, g.spacing(), tissue.corrected(),
                tissue.labels(), tissue.pvms(), head, air, artifacts, rotation, tissue.bias(), prior, fwhm);
        Map<String, Double> iqms = new TreeMap<>(IqmCalculator.withAllFeatures().compute(inputs, progress));
        iqms.put(SliceDropout.KEY, sliceDropout.join());
        double[] gsr = ghosts.join();
        for (int a = 0; a < 3; a++) {
            iqms.put(GhostToSignal.KEYS.get(a), gsr[a]);
        }
        if (anonymisation.defaced() || anonymisation.skullStripped()) {
            iqms = withoutUndefined(iqms);
        }
        return new QcResult(background, brain, tissue, prior, fwhm, anonymisation, iqms);
    }

    /**
     * What the head's geometry gives on the scan's grid, from the working grid's head, rotation and
     * brain masks: the hat mask, the anonymisation mask and flags (skull-stripped as decided before the
     * brain mask), the geometric tissue prior and each voxel's distance to the head.
     */
    private record HeadGeometry(boolean[] hat, Anonymisation anonymisation, float[][] prior, float[] distance) {

        static HeadGeometry of(float[] small, boolean[] headC, boolean[] rotationC, boolean[] brainC, boolean stripped,
                Grid3 c, Affine coarseToWorld, Grid3 g, int f) {
            boolean[] hatC = HatMask.compute(headC, rotationC, brainC, c, coarseToWorld);
            Anonymisation anonC = Anonymisation.detect(small, headC, brainC, stripped, c, coarseToWorld);
            float[][] priorC = GeometricTissuePrior.compute(brainC, c);
            float[] distanceC = DistanceTransform.distanceTo(headC, c);
            float[][] prior = new float[3][];
            for (int k = 0; k < 3; k++) {
                prior[k] = up(priorC[k], g, f);
            }
            return new HeadGeometry(up(hatC, g, f), new Anonymisation(up(anonC.mask(), g, f), anonC.defaced(),
                    anonC.skullStripped()), prior, up(distanceC, g, f));
        }
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static boolean[] up(boolean[] coarse, Grid3 g, int f) {
        return f == 1 ? coarse : Resolution.upsample(coarse, g, f);
    }

    private static float[] up(float[] coarse, Grid3 g, int f) {
        return f == 1 ? coarse : Resolution.upsample(coarse, g, f);
    }

    private static Map<String, Double> withoutUndefined(Map<String, Double> iqms) {
        Map<String, Double> out = new TreeMap<>();
        iqms.forEach((k, v) -> out.put(k, Double.isNaN(v) ? (k.startsWith("summary_bg_") ? 0.0 : -1.0) : v));
        return out;
    }
}
