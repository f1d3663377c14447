package org.neurocurate.quality;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.img.array.ArrayImgs;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.batch.ScanAssessment;
import org.neurocurate.quality.batch.ScanAssessor;
import org.neurocurate.volume.Volume;

/**
 * {@link QualityPipeline} as the batch's {@link ScanAssessor}: IQMs, the flags {@code defaced} and
 * {@code skull_stripped}, and the masks as uint8 volumes on the scan's grid (head, air, hat, art, rot,
 * brain, and deface when the scan is defaced). A missing brain or a non-3D image becomes an
 * {@link IOException} whose message the batch records in the scan's row.
 */
public final class PipelineAssessor implements ScanAssessor {

    private final QcConfig config;

    /** @param config the parameters, whose contrast each scan's modality sets ({@link QcConfig#forModality}) */
    public PipelineAssessor(QcConfig config) {
        this.config = config;
    }

    /** With {@link QcConfig#DEFAULTS} (for each scan's modality). */
    public PipelineAssessor() {
        this(QcConfig.DEFAULTS);
    }

    @Override
    public ScanAssessment assess(Volume scan, String modality, ProgressListener progress) throws IOException {
        // a 3D scan stored as 4D with one volume gets 3D masks
        Volume volume = scan.withoutTrailingSingletons();
        QcResult r;
        try {
            r = QualityPipeline.run(volume, config.forModality(modality), progress);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Boolean> flags = r.anonymisation().flags();
        Map<String, Volume> masks = new LinkedHashMap<>();
        masks.put("head", mask(r.background().head(), volume));
        masks.put("air", mask(r.background().air(), volume));
        masks.put("hat", mask(r.background().hat(), volume));
        masks.put("art", mask(r.background().artifacts(), volume));
        masks.put("rot", mask(r.background().rotation(), volume));
        masks.put("brain", mask(r.brain(), volume));
        if (r.anonymisation().defaced()) {
            masks.put("deface", mask(r.anonymisation().mask(), volume));
        }
        return new ScanAssessment(r.iqms(), flags, masks);
    }

    private static Volume mask(boolean[] m, Volume like) {
        byte[] b = new byte[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = (byte) (m[i] ? 1 : 0);
        }
        return Volume.of(ArrayImgs.unsignedBytes(b, like.dimensions()), like.voxelToWorld());
    }
}
