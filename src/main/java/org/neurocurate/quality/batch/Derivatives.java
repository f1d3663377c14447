package org.neurocurate.quality.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.neurocurate.io.AtomicOutput;

/**
 * The BIDS-derivatives layout of QC outputs (ARCHITECTURE.md): {@code OUT/dataset_description.json},
 * {@code OUT/sub-XX/[ses-YY/]anat/<bids_name>_iqms.json}, masks beside it as
 * {@code <bids_name>_desc-<name>_mask.nii.gz}, and {@code OUT/group_<modality>.tsv}.
 */
final class Derivatives {

    static final String IQMS_SUFFIX = "_iqms.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private Derivatives() {
    }

    /** The scan's name without its .nii/.nii.gz extension. */
    static String bidsName(Path scan) {
        return scan.getFileName().toString().replaceAll("(?i)\\.nii(\\.gz)?$", "");
    }

    /** The folder mirroring the scan's folder relative to the dataset root. */
    static Path folderFor(Path outDir, Path bidsDir, Path scan) {
        Path rel = bidsDir.toAbsolutePath().normalize().relativize(scan.toAbsolutePath().normalize().getParent());
        return outDir.resolve(rel.toString());
    }

    static void writeDescription(Path outDir, String version) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Name", "NeuroCurate quality control");
        d.put("BIDSVersion", "1.9.0");
        d.put("DatasetType", "derivative");
        d.put("GeneratedBy", new Object[] {Map.of("Name", "NeuroCurate", "Version", version)});
        AtomicOutput.writeString(outDir.resolve("dataset_description.json"), GSON.toJson(d) + "\n");
    }

    /** Writes one scan's IQMs JSON: bids_name, source, the IQMs at top level (as MRIQC), flags, error. */
    static void writeIqms(Path file, QcRow row) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("bids_name", row.bidsName());
        o.addProperty("source", row.source().toString());
        o.addProperty("site", row.site());
        row.iqms().forEach((k, v) -> o.add(k, Double.isFinite(v) ? GSON.toJsonTree(v) : com.google.gson.JsonNull.INSTANCE));
        JsonObject flags = new JsonObject();
        row.flags().forEach(flags::addProperty);
        o.add("flags", flags);
        if (row.failed()) {
            o.addProperty("error", row.error());
        }
        AtomicOutput.writeString(file, GSON.toJson(o) + "\n");
    }

    /** Reads a scan's IQMs JSON back into a row. */
    static QcRow readIqms(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        Map<String, Double> iqms = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String k = e.getKey();
            if (k.equals("flags")) {
                e.getValue().getAsJsonObject().entrySet().forEach(f -> flags.put(f.getKey(), f.getValue().getAsBoolean()));
            } else if (!k.equals("bids_name") && !k.equals("source") && !k.equals("site") && !k.equals("error")) {
                iqms.put(k, e.getValue().isJsonNull() ? Double.NaN : e.getValue().getAsDouble());
            }
        }
        return new QcRow(o.get("bids_name").getAsString(), Path.of(o.get("source").getAsString()),
                o.has("site") ? o.get("site").getAsString() : "", iqms, flags,
                o.has("error") ? o.get("error").getAsString() : "");
    }
}
