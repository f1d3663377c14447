package org.neurocurate.io.bids;

import java.util.List;

/**
 * The outcome of {@link BidsIndex#index}.
 *
 * @param scans     one record per image file, sorted by dataset then path
 * @param datasets  one summary per dataset, in the order given
 * @param cancelled true when the listener cancelled before every file was indexed
 */
public record BidsIndexResult(List<ScanRecord> scans, List<DatasetSummary> datasets, boolean cancelled) {
    public BidsIndexResult {
        scans = List.copyOf(scans);
        datasets = List.copyOf(datasets);
    }

    /** The scans as table rows with {@link ScansTable#COLUMNS}. */
    public ScansTable.Table table() {
        return new ScansTable.Table(ScansTable.COLUMNS, scans.stream().map(ScanRecord::toRow).toList());
    }
}
