package org.neurocurate.io.bids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.neurocurate.progress.ProgressListener;

/**
 * The "index" stage as every face runs it: check the dataset folders, index them, keep the rows that
 * pass every {@code COLUMN=VALUES} filter ({@link ScanFilter#parse}), write the scans table
 * atomically. The command line, the SciJava command and the ImageJ 1 entry all call {@link #run}.
 */
public final class IndexJob {

    private IndexJob() {
    }

    /**
     * The outcome of a run.
     *
     * @param table    the rows written
     * @param result   the whole index (all rows, per-dataset summaries)
     * @param out      the TSV written
     */
    public record Outcome(ScansTable.Table table, BidsIndexResult result, Path out) {
    }

    /** Indexes {@code config.datasets()}, filters by {@code where}, writes {@code out}. */
    public static Outcome run(BidsIndexConfig config, List<String> where, Path out, ProgressListener progress)
            throws IOException {
        for (Path d : config.datasets()) {
            if (!Files.isDirectory(d)) {
                throw new IOException(d + ": not a folder (expected a BIDS dataset root)");
            }
        }
        Predicate<ScanRow> filter = r -> true;
        for (String w : where) {
            filter = filter.and(ScanFilter.parse(w));
        }
        BidsIndexResult result = BidsIndex.index(config, progress);
        ScansTable.Table table = result.table().filter(filter);
        ScansTable.write(out, table);
        return new Outcome(table, result, out);
    }
}
