package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.neurocurate.io.bids.BidsIndex;
import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.BidsIndexResult;
import org.neurocurate.io.bids.DatasetSummary;
import org.neurocurate.io.bids.ScanFilter;
import org.neurocurate.io.bids.ScanRow;
import org.neurocurate.io.bids.ScansTable;
import org.neurocurate.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurocurate index DATASET... --out scans.tsv}: one scans table from one or more BIDS datasets. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index BIDS datasets into one scans table (TSV) with harmonised metadata.")
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DATASET", description = "BIDS dataset root folder(s).")
    List<Path> datasets;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Scans table to write (TSV).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads = BidsIndexConfig.DEFAULT_THREADS;

    @Option(names = "--no-headers", description = "Do not read NIfTI headers (no volume counts).")
    boolean noHeaders;

    @Option(names = "--where", paramLabel = "COLUMN=VALUES", description = "Keep rows where COLUMN is one of "
            + "v1,v2 or in min..max, e.g. modality=T1w, age=20..40, field_strength_t=3..3; repeatable (all must hold).")
    List<String> where = List.of();

    @Override
    public Integer call() throws Exception {
        for (Path d : datasets) {
            if (!Files.isDirectory(d)) {
                throw new IllegalArgumentException(d + ": not a folder (expected a BIDS dataset root)");
            }
        }
        Predicate<ScanRow> filter = r -> true;
        for (String w : where) {
            filter = filter.and(ScanFilter.parse(w));
        }
        PrintWriter err = spec.commandLine().getErr();
        BidsIndexConfig config = new BidsIndexConfig(datasets, !noHeaders, true, threads);
        BidsIndexResult result = BidsIndex.index(config, new ProgressListener() {
            @Override
            public void warn(String message) {
                err.println("neurocurate: warning: " + message);
            }
        });
        ScansTable.Table table = result.table().filter(filter);
        ScansTable.write(out, table);
        for (DatasetSummary s : result.datasets()) {
            err.printf("%s: %d images, %d subject folders, %d listed participants%s%n", s.dataset(),
                    s.images(), s.subjectFolders(), s.listedParticipants(),
                    s.problems().isEmpty() ? "" : "; " + String.join("; ", s.problems()));
        }
        err.printf("wrote %d rows to %s%n", table.rows().size(), out);
        err.flush();
        return 0;
    }
}
