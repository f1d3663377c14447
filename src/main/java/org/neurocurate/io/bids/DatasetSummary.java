package org.neurocurate.io.bids;

import java.nio.file.Path;
import java.util.List;

/**
 * Per-dataset totals of an index run.
 *
 * @param dataset            folder name
 * @param name               Name from dataset_description.json, or ""
 * @param root               the dataset root as given
 * @param listedParticipants distinct participant ids in participants.tsv
 * @param subjectFolders     {@code sub-*} folders at the root
 * @param images             image files indexed (rows of the scans table)
 * @param problems           dataset-level problems (description, participants table, walk)
 */
public record DatasetSummary(String dataset, String name, Path root, int listedParticipants, int subjectFolders,
                             int images, List<String> problems) {
    public DatasetSummary {
        problems = List.copyOf(problems);
    }
}
