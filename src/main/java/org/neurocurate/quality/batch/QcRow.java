package org.neurocurate.quality.batch;

import java.nio.file.Path;
import java.util.Map;

/**
 * One scan's row of a QC batch.
 *
 * @param bidsName the scan's file name without extension, e.g. sub-01_ses-1_T1w (MRIQC's bids_name)
 * @param source   the input image
 * @param site     the scan's site key (from the BIDS index), empty when unknown
 * @param iqms     IQMs (empty when the scan failed)
 * @param flags    NeuroCurate's flags (empty when the scan failed)
 * @param error    why the scan could not be assessed; empty when it was
 */
public record QcRow(String bidsName, Path source, String site, Map<String, Double> iqms, Map<String, Boolean> flags, String error) {

    public boolean failed() {
        return !error.isEmpty();
    }
}
