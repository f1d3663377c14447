package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurocurate.io.bids.BidsIndexConfig;
import org.neurocurate.io.bids.DatasetSummary;
import org.neurocurate.io.bids.IndexJob;
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
        BidsIndexConfig defaults = BidsIndexConfig.of(datasets);
        BidsIndexConfig config = new BidsIndexConfig(datasets, !noHeaders, defaults.followSymlinks(), threads);
        IndexJob.Outcome o = IndexJob.run(config, where, out, new TerminalProgress(spec.commandLine().getErr()));
        PrintWriter err = spec.commandLine().getErr();
        for (DatasetSummary s : o.result().datasets()) {
            err.printf("%s: %d images, %d subject folders, %d listed participants%s%n", s.dataset(),
                    s.images(), s.subjectFolders(), s.listedParticipants(),
                    s.problems().isEmpty() ? "" : "; " + String.join("; ", s.problems()));
        }
        err.printf("wrote %d rows to %s%n", o.table().rows().size(), out);
        err.flush();
        return 0;
    }
}
