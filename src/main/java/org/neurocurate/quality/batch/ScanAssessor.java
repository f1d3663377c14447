package org.neurocurate.quality.batch;

import java.io.IOException;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.volume.Volume;

/** Quality control of one scan, from the image alone. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface ScanAssessor {

    /**
     * Assesses one scan.
     *
     * @param modality the scan's BIDS suffix (T1w, T2w, ...), which sets the contrast the masks and tissue
     *                 model expect
     * @throws IOException when the image cannot be assessed (e.g. it is not a head image); the message
     *                     says why and is recorded in that scan's row
     */
    ScanAssessment assess(Volume volume, String modality, ProgressListener progress) throws IOException;
}
