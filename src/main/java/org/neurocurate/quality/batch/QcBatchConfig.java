package org.neurocurate.quality.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A BIDS-App quality-control run: {@code neurocurate BIDS_DIR OUT_DIR participant|group}.
 *
 * @param bidsDir           the input BIDS dataset (never written to)
 * @param outDir            the derivatives folder
 * @param participantLabels participants to process (without "sub-"); empty for all
 * @param modalities        image suffixes to assess (default T1w and T2w)
 * @param threads           scans assessed at once (each holds one volume in memory)
 * @param writeMasks        write the masks as {@code <scan>_desc-<name>_mask.nii.gz}
 */
public record QcBatchConfig(Path bidsDir, Path outDir, List<String> participantLabels, List<String> modalities,
        int threads, boolean writeMasks) {

    /** The modalities MRIQC's anatomical workflow covers. */
    public static final List<String> DEFAULT_MODALITIES = List.of("T1w", "T2w");

    /** Workers: the machine's processors, at most 4 (memory: one volume each). */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public QcBatchConfig {
        participantLabels = participantLabels.stream().map(l -> l.startsWith("sub-") ? l.substring(4) : l).toList();
        modalities = List.copyOf(modalities);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** All participants, T1w and T2w, default threads, masks written. */
    public static QcBatchConfig of(Path bidsDir, Path outDir) {
        return new QcBatchConfig(bidsDir, outDir, List.of(), DEFAULT_MODALITIES, DEFAULT_THREADS, true);
    }
}
