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
 * [--participant-label L ...] [--threads N] [--mem-gb GB]} and {@code neurocurate BIDS_DIR OUT_DIR group}.
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

    /** Heap the neurocurate launcher keeps out of {@code --mem-gb} for the JVM's own native memory. */
    static final double NATIVE_GB = 0.25;

    @Option(names = "--mem-gb", paramLabel = "GB", description = "memory of the run, as a scheduler would reserve it: the"
            + " neurocurate launcher starts the JVM with a fixed heap of GB less " + NATIVE_GB + " GB (serial collector,"
            + " touched at start), so the footprint is the same from the first scan to the last; workers wait rather than"
            + " exceed it (default: a heap of up to 8 GB, grown as needed)")
    Double memGb;

    @Override
    public Integer call() throws Exception {
        if (memGb != null) {
            if (!(memGb >= 2 * NATIVE_GB)) {
                throw new IllegalArgumentException("--mem-gb must be at least " + 2 * NATIVE_GB + ", not " + memGb);
            }
            double heapGb = Runtime.getRuntime().maxMemory() / (double) (1L << 30);
            if (heapGb > memGb) {
                spec.commandLine().getErr().printf("neurocurate: warning: --mem-gb %s, but this JVM may grow its heap to %.2f GB;"
                        + " start it with the neurocurate launcher (or java -Xms/-Xmx) to hold the run to %s GB%n", memGb, heapGb, memGb);
            }
        }
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
