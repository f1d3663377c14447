package org.neurocurate.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.neurocurate.quality.masks.Anonymisation;
import org.neurocurate.quality.masks.BackgroundMasks;
import org.neurocurate.quality.tissue.TissueMaps;

/**
 * Everything level (b) quality control produces for one scan, on the scan's grid.
 *
 * @param background head, rotation, hat, artifact and air masks
 * @param brain      brain mask (own skull stripping)
 * @param tissue     labels, partial-volume maps, bias field and corrected image
 * @param prior      the tissue prior used for tpm_overlap_* (CSF, GM, WM)
 * @param fwhmMm     smoothness along i, j, k (mm)
 * @param anonymisation anonymisation mask and the defaced / skull-stripped flags
 * @param iqms       MRIQC IQMs (NaN where undefined), keyed by MRIQC name
 */
public record QcResult(BackgroundMasks background, boolean[] brain, TissueMaps tissue, float[][] prior,
        double[] fwhmMm, Anonymisation anonymisation, Map<String, Double> iqms) {

    /** The IQMs plus NeuroCurate's flags {@code defaced} and {@code skull_stripped} (1 or 0), sorted by name. */
    public Map<String, Double> row() {
        Map<String, Double> out = new TreeMap<>(iqms);
        anonymisation.flags().forEach((k, v) -> out.put(k, v ? 1.0 : 0.0));
        return new LinkedHashMap<>(out);
    }
}
