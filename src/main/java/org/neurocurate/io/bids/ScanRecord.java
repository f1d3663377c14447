package org.neurocurate.io.bids;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One image file of a BIDS dataset with its harmonised metadata: one row of the scans table.
 *
 * @param dataset     the dataset folder name (e.g. {@code ds000117})
 * @param datasetName Name from dataset_description.json, or ""
 * @param participantId {@code sub-<label>} from the file name, or from the folder when the name is outside
 *                    BIDS; "" when neither says
 * @param session     the session label (without {@code ses-}) from the file name or folder, or ""
 * @param name        the parsed file name; null when the name is outside BIDS
 * @param datatype    the datatype folder ({@code anat}, {@code func}, ...), or ""
 * @param path        the file, absolute and normalised
 * @param volumes     volumes from the NIfTI header (dim[4] of a 4-D image, else 1); -1 when unknown
 * @param fileBytes   file size in bytes; -1 when unknown
 * @param harmonised  column → harmonised value with its source (columns as in {@link ScansTable})
 * @param sidecars    sidecars that applied, least specific first, relative to the dataset root
 * @param problems    everything that could not be read or parsed for this file, one line each
 */
public record ScanRecord(String dataset, String datasetName, String participantId, String session, BidsName name, String datatype, Path path,
                         long volumes, long fileBytes, Map<String, Harmonised> harmonised,
                         List<String> sidecars, List<String> problems) {

    public ScanRecord {
        harmonised = Collections.unmodifiableMap(new LinkedHashMap<>(harmonised));
        sidecars = List.copyOf(sidecars);
        problems = List.copyOf(problems);
    }

    /** The BIDS suffix ({@code T1w}, {@code FLAIR}, {@code bold}...), or "" when the name is outside BIDS. */
    public String modality() {
        return name == null ? "" : name.suffix();
    }

    /** A harmonised value's text, "" when absent. */
    public String value(String column) {
        Harmonised h = harmonised.get(column);
        return h == null ? "" : h.value();
    }

    /** Age in years, empty when unknown. */
    public OptionalDouble age() {
        String v = value(ScansTable.AGE);
        return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(v));
    }

    /** This record as a scans-table row with exactly {@link ScansTable#COLUMNS}. */
    public ScanRow toRow() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ScansTable.DATASET, dataset);
        m.put(ScansTable.DATASET_NAME, datasetName);
        m.put(ScansTable.PARTICIPANT, participantId());
        m.put(ScansTable.SESSION, session());
        m.put(ScansTable.RUN, name == null ? "" : name.entity("run"));
        m.put(ScansTable.ACQUISITION, name == null ? "" : name.entity("acq"));
        m.put(ScansTable.DATATYPE, datatype);
        m.put(ScansTable.MODALITY, modality());
        m.put(ScansTable.ENTITIES, name == null ? "" : name.entityString());
        m.put(ScansTable.PATH, path.toString());
        m.put(ScansTable.VOLUMES, volumes < 0 ? "" : Long.toString(volumes));
        m.put(ScansTable.FILE_BYTES, fileBytes < 0 ? "" : Long.toString(fileBytes));
        for (String c : ScansTable.HARMONISED_COLUMNS) {
            m.put(c, value(c));
        }
        m.put(ScansTable.SIDECARS, String.join(" ", sidecars));
        StringBuilder sources = new StringBuilder();
        harmonised.forEach((c, h) -> {
            if (h.isPresent()) {
                sources.append(sources.length() == 0 ? "" : "; ").append(c).append(" <- ").append(h.audit());
            }
        });
        m.put(ScansTable.SOURCES, sources.toString());
        m.put(ScansTable.PROBLEMS, String.join(" | ", problems));
        return new ScanRow(m);
    }
}
