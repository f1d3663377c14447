package org.neurocurate.quality.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neurocurate.volume.Volume;

/**
 * What quality control found on one scan.
 *
 * @param iqms  IQM name (MRIQC's) → value; NaN where undefined (written as null)
 * @param flags NeuroCurate's own flags, e.g. defaced, skull_stripped
 * @param masks mask name (used in {@code desc-<name>_mask}) → mask volume on the scan's grid
 */
public record ScanAssessment(Map<String, Double> iqms, Map<String, Boolean> flags, Map<String, Volume> masks) {

    public ScanAssessment {
        iqms = Collections.unmodifiableMap(new LinkedHashMap<>(iqms));
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        masks = Collections.unmodifiableMap(new LinkedHashMap<>(masks));
    }
}
