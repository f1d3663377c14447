package org.neurocurate.quality;

import java.util.HashMap;
import java.util.Map;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.iqm.IqmCalculator;
import org.neurocurate.quality.iqm.IqmInputs;
import org.neurocurate.quality.masks.Anonymisation;
import org.neurocurate.quality.masks.ArtifactMask;
import org.neurocurate.quality.masks.BackgroundMasks;
import org.neurocurate.quality.masks.BrainMask;
import org.neurocurate.quality.masks.Grid3;
import org.neurocurate.quality.masks.HatMask;
import org.neurocurate.quality.masks.HeadMask;
import org.neurocurate.quality.masks.Smoothness;
import org.neurocurate.quality.tissue.GeometricTissuePrior;
import org.neurocurate.quality.tissue.TissueMaps;
import org.neurocurate.quality.tissue.TissueSegmentation;
import org.neurocurate.volume.Volume;

/**
 * Level (b) quality control of one structural scan, from the raw image alone: rotation (zero-padding)
 * and head masks, brain mask, three-class tissue segmentation with partial-volume maps and bias field,
 * hat, artifact and air masks, smoothness, anonymisation flags, then MRIQC's IQMs on the bias-corrected
 * image with those inputs (level a).
 *
 * <p>Flagged scans (defaced, skull-stripped) still get a value for every IQM: where MRIQC's arithmetic
 * leaves a value undefined, background summary statistics are 0 (MRIQC's documented convention for an
 * empty air mask) and any other undefined IQM is −1 (MRIQC's "not measurable" sentinel).
 */
public final class QualityPipeline {

    private QualityPipeline() {
    }

    public static QcResult run(Volume volume, QcConfig config, ProgressListener progress) {
        long[] d = volume.dimensions();
        if (d.length != 3) {
            throw new IllegalArgumentException("quality control needs a 3D image, got " + d.length + " dimensions");
        }
        Grid3 g = new Grid3((int) d[0], (int) d[1], (int) d[2], volume.spacing());
        float[] image = volume.toFloatArray();
        for (int i = 0; i < image.length; i++) {
            if (!(image[i] > 0)) {
                image[i] = 0;
            }
        }
        progress.status("head and rotation masks");
        boolean[] rotation = HeadMask.rotation(image, g);
        boolean[] head = HeadMask.compute(image, g);
        for (int i = 0; i < head.length; i++) {
            head[i] &= !rotation[i];
        }
        progress.status("brain mask");
        boolean[] brain = BrainMask.compute(image, head, g, config.brainErosionMm(), config.brainCsfMarginMm());
        TissueMaps tissue = TissueSegmentation.segment(image, brain, g, config.tissue(), progress);
        progress.status("hat and artifact masks");
        boolean[] hat = HatMask.compute(head, rotation, brain, g, volume.voxelToWorld());
        boolean[] artifacts = ArtifactMask.compute(tissue.corrected(), head, hat, g);
        boolean[] air = new boolean[image.length];
        for (int i = 0; i < air.length; i++) {
            air[i] = hat[i] && !artifacts[i];
        }
        BackgroundMasks background = new BackgroundMasks(head, rotation, hat, artifacts, air);
        double[] fwhm = Smoothness.fwhmMm(tissue.corrected(), brain, g);
        Anonymisation anonymisation = Anonymisation.detect(image, head, brain, g, volume.voxelToWorld());
        float[][] prior = GeometricTissuePrior.compute(brain, g);
        progress.status("image quality metrics");
        IqmInputs inputs = new IqmInputs(new int[] {g.nx(), g.ny(), g.nz()}, g.spacing(), tissue.corrected(),
                tissue.labels(), tissue.pvms(), head, air, artifacts, rotation, tissue.bias(), prior, fwhm);
        Map<String, Double> iqms = IqmCalculator.withAllFeatures().compute(inputs, progress);
        if (anonymisation.defaced() || anonymisation.skullStripped()) {
            iqms = withoutUndefined(iqms);
        }
        return new QcResult(background, brain, tissue, prior, fwhm, anonymisation, iqms);
    }

    private static Map<String, Double> withoutUndefined(Map<String, Double> iqms) {
        Map<String, Double> out = new HashMap<>();
        iqms.forEach((k, v) -> out.put(k, Double.isNaN(v) ? (k.startsWith("summary_bg_") ? 0.0 : -1.0) : v));
        return new java.util.TreeMap<>(out);
    }
}
