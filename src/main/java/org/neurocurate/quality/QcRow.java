package org.neurocurate.quality;

import java.nio.file.Path;
import java.util.Map;

/**
 * One scan of a batch: its IQMs and flags ({@link QcResult#row()}), or why it could not be measured.
 *
 * @param file  the scan
 * @param iqms  IQM name → value (with {@code defaced}, {@code skull_stripped}); empty when failed
 * @param error null on success, else one line naming the problem (corrupt file, not 3D, no brain)
 */
public record QcRow(Path file, Map<String, Double> iqms, String error) {

    public boolean failed() {
        return error != null;
    }
}
