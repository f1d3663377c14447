package org.neurocurate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.neurocurate.quality.PipelineAssessor;
import org.neurocurate.quality.batch.QcBatch;
import org.neurocurate.quality.batch.QcBatchConfig;
import org.neurocurate.quality.batch.QcGroup;
import org.neurocurate.quality.batch.QcRow;
import org.neurocurate.quality.tier.TierPredictConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The BIDS-App face of quality control: {@code neurocurate BIDS_DIR OUT_DIR participant
 * [--participant-label L ...] [--threads N]} and {@code neurocurate BIDS_DIR OUT_DIR group}.
 * {@link Main} routes that positional form here; {@code neurocurate qc ...} is the same command.
 */
@Command(name = "qc", description = "Quality control, BIDS-App style: BIDS_DIR OUT_DIR participant|group.")
final class BidsAppCommand implements Callable<Integer> {

    static final Set<String> LEVELS = Set.of("participant", "group");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BIDS_DIR", description = "the BIDS dataset (never written to)")
    Path bidsDir;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "the derivatives folder")
    Path outDir;

    @Parameters(index = "2", paramLabel = "LEVEL", description = "participant or group")
    String level;

    @Option(names = "--participant-label", arity = "1..*", paramLabel = "L", description = "participants to process")
    List<String> labels = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "scans at once (default: ${DEFAULT-VALUE})")
    int threads = QcBatchConfig.DEFAULT_THREADS;

    @Option(names = "--modalities", split = ",", paramLabel = "T1w,T2w", description = "suffixes to assess (default: T1w,T2w)")
    List<String> modalities = QcBatchConfig.DEFAULT_MODALITIES;

    @Override
    public Integer call() throws Exception {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("analysis level must be participant or group, not '" + level + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (level.equals("group")) {
            for (String m : modalities) {
                if (!QcBatch.gather(outDir, m).isEmpty()) {
                    out.println("wrote " + QcGroup.write(outDir, m, TierPredictConfig.defaults(), new TerminalProgress(spec.commandLine().getErr())));
                }
            }
            out.flush();
            return 0;
        }
        QcBatchConfig config = new QcBatchConfig(bidsDir, outDir, labels, modalities, threads, true);
        List<QcRow> rows = QcBatch.participant(config, new PipelineAssessor(), new TerminalProgress(spec.commandLine().getErr()));
        long failed = rows.stream().filter(QcRow::failed).count();
        out.printf("assessed %d scans, %d failed; derivatives in %s%n", rows.size() - failed, failed, outDir);
        out.flush();
        for (QcRow r : rows) {
            if (r.failed()) {
                spec.commandLine().getErr().println("neurocurate: " + r.bidsName() + ": " + r.error());
            }
        }
        spec.commandLine().getErr().flush();
        return failed == 0 ? 0 : 1;
    }
}
