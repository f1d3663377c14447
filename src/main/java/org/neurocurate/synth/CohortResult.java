package org.neurocurate.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CohortGenerator#generate} produced.
 *
 * @param root the dataset folder
 * @param subjects participants written
 * @param rows ground truth, one row per scan written
 * @param failures one message per subject that could not be written (its partial files are removed)
 * @param cancelled true when the listener asked to stop before every subject was done
 */
public record CohortResult(Path root, List<SubjectParams> subjects, List<GroundTruthRow> rows, List<String> failures,
        boolean cancelled) {

    public CohortResult {
        subjects = List.copyOf(subjects);
        rows = List.copyOf(rows);
        failures = List.copyOf(failures);
    }
}
