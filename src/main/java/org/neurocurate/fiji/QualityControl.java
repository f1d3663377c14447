package org.neurocurate.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;

import org.neurocurate.quality.PipelineAssessor;
import org.neurocurate.quality.batch.QcBatch;
import org.neurocurate.quality.batch.QcGroup;
import org.neurocurate.quality.batch.QcRow;
import org.neurocurate.quality.batch.ScanAssessment;
import org.neurocurate.quality.tier.TierPredictConfig;
import org.neurocurate.volume.Volume;

/** What both Fiji faces of "Quality Control" do, defined once: a file, a folder, a BIDS dataset or an image. */
final class QualityControl {

    /** Modality assumed for the tier model when the input does not say (MRIQC's anatomical default). */
    static final String DEFAULT_MODALITY = "T1w";

    private QualityControl() {
    }

    /**
     * Assesses a BIDS dataset (a folder with dataset_description.json), any other folder (every .nii and
     * .nii.gz below it) or one file, writing derivatives into {@code output}; returns the group table.
     */
    static QcGroup.Table run(Path input, Path output, String modality) throws IOException {
        ImageJProgress progress = new ImageJProgress();
        List<QcRow> rows = QcBatch.anyInput(input, output, modality, new PipelineAssessor(), progress);
        return QcGroup.table(rows, modality, TierPredictConfig.defaults(), progress);
    }

    /** Assesses an open image; returns its one-row table and, when asked, its masks as images. */
    static QcGroup.Table run(ImagePlus image, String modality, List<ImagePlus> masksOut) throws IOException {
        Volume v = ImagePlusBridge.toVolume(image);
        QcRow row;
        try {
            ScanAssessment a = new PipelineAssessor().assess(v, modality, new ImageJProgress());
            row = new QcRow(image.getTitle(), Path.of(image.getTitle()), "", a.iqms(), a.flags(), "");
            if (masksOut != null) {
                for (Map.Entry<String, Volume> m : a.masks().entrySet()) {
                    masksOut.add(ImagePlusBridge.toImagePlus(m.getValue(), image.getTitle() + "-" + m.getKey()));
                }
            }
        } catch (IOException e) {
            row = new QcRow(image.getTitle(), Path.of(image.getTitle()), "", Map.of(), Map.of(), e.getMessage());
        }
        return QcGroup.table(new ArrayList<>(List.of(row)), modality, TierPredictConfig.defaults(), new ImageJProgress());
    }
}
