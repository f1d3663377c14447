package org.neurocurate.quality.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neurocurate.progress.ProgressListener;
import org.neurocurate.quality.tier.IqmTable;
import org.neurocurate.quality.tier.TierAssignment;
import org.neurocurate.quality.tier.TierPredictConfig;
import org.neurocurate.quality.tier.Tiers;

/**
 * The group table of a QC run with quality tiers: MRIQC's columns (bids_name, IQMs, flags) plus
 * {@code tier}, {@code tier_prob} (probability the scan is usable; empty for rule-based tiers) and
 * {@code tier_reason}, then {@code qc_error}. Tiers come from the site-relative deviations of the
 * artefact-sensitive IQMs, with the trained classifier's p_usable as supporting evidence when the model
 * has the table's IQMs and modality ({@link Tiers#predictOwnIqms}).
 */
public final class QcGroup {

    /** The tier columns the QC stage adds. */
    public static final List<String> TIER_COLUMNS = List.of("tier", "tier_prob", "tier_reason");

    private QcGroup() {
    }

    /**
     * A group table.
     *
     * @param header    column names
     * @param rows      cells under the header, one list per scan
     * @param ruleBased true when no classifier probability accompanies the tiers (IQM deviations alone)
     */
    public record Table(List<String> header, List<List<String>> rows, boolean ruleBased) {
    }

    /** A row's IQMs and its flags as 1 or 0 (the tiering reads skull_stripped). */
    private static Map<String, Double> iqmsAndFlags(QcRow r) {
        Map<String, Double> out = new LinkedHashMap<>(r.iqms());
        r.flags().forEach((k, v) -> out.put(k, v ? 1.0 : 0.0));
        return out;
    }

    /** Tiers the assessed rows of one modality and lays out the group table. */
    public static Table table(List<QcRow> rows, String modality, TierPredictConfig config, ProgressListener progress)
            throws IOException {
        List<QcRow> ok = rows.stream().filter(r -> !r.failed()).toList();
        Map<String, TierAssignment> tiers = new HashMap<>();
        boolean ruleBased = false;
        if (!ok.isEmpty()) {
            IqmTable iqms = IqmTable.fromMaps("bids_name", ok.stream().map(QcRow::bidsName).toList(),
                    ok.stream().map(r -> r.site().isEmpty() ? null : r.site()).toList(),
                    ok.stream().map(QcGroup::iqmsAndFlags).toList());
            Tiers.Prediction p = Tiers.predictOwnIqms(iqms, config.withModality(modality), progress);
            p.rows().forEach(a -> tiers.put(a.id(), a));
            ruleBased = p.ruleBased();
        }
        List<String> base = QcBatch.groupHeader(rows);
        List<String> header = new ArrayList<>(base.subList(0, base.size() - 1));
        header.addAll(TIER_COLUMNS);
        header.add(QcBatch.ERROR_COLUMN);
        List<List<String>> cells = new ArrayList<>();
        List<List<String>> baseCells = QcBatch.groupCells(base, rows);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(baseCells.get(i).subList(0, base.size() - 1));
            TierAssignment a = tiers.get(rows.get(i).bidsName());
            boolean tiered = a != null && a.tiered();
            row.add(tiered ? Integer.toString(a.tier()) : "n/a");
            row.add(tiered && Double.isFinite(a.pUsable()) ? String.format(Locale.ROOT, "%.4f", a.pUsable()) : "n/a");
            row.add(a == null ? "" : a.reason().replace('\t', ' '));
            row.add(baseCells.get(i).get(base.size() - 1));
            cells.add(row);
        }
        return new Table(header, cells, ruleBased);
    }

    /** Group level of the BIDS App: gathers the modality's IQMs JSONs, tiers them, writes group_<modality>.tsv. */
    public static Path write(Path outDir, String modality, TierPredictConfig config, ProgressListener progress)
            throws IOException {
        Table t = table(QcBatch.gather(outDir, modality), modality, config, progress);
        return QcBatch.writeTsv(outDir.resolve("group_" + modality + ".tsv"), t.header(), t.rows());
    }
}
