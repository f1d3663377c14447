package org.neurocurate.learn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.neurocurate.learn.AtomicFiles;
import org.neurocurate.learn.data.CachedDataset;
import org.neurocurate.learn.data.PreprocessCache;
import org.neurocurate.learn.data.PreprocessSettings;
import org.neurocurate.learn.data.ScanTable;
import org.neurocurate.learn.loss.QualityWeights;
import org.neurocurate.progress.ProgressListener;

/**
 * Pretraining from a scans table, the stage's core entry point: select rows by tier, prepare them
 * into the preprocessing cache (a scan that fails is recorded in
 * {@code MODEL_DIR/preprocess_failures.tsv} and skipped), then {@link Pretrainer#run}.
 */
public final class ScanPretraining {

    /** Failures file written next to the model. */
    public static final String FAILURES = "preprocess_failures.tsv";

    /**
     * @param scans the scans table (TSV with path, optional tier and age)
     * @param modelDir output folder of the model (and its checkpoint and loss log)
     * @param cacheDir preprocessing cache folder (shared across runs)
     * @param preprocess grid, spacing and normalisation
     * @param training the training configuration; its {@code tiers} select the rows (empty = all)
     */
    public record Request(Path scans, Path modelDir, Path cacheDir, PreprocessSettings preprocess,
            PretrainConfig training) {
    }

    /** The training result and how many scans were used and skipped. */
    public record Outcome(PretrainResult result, int scansUsed, List<CachedDataset.Failure> failures) {
    }

    private ScanPretraining() {
    }

    public static Outcome run(Request request, ProgressListener listener) throws IOException {
        List<ScanTable.Row> rows = ScanTable.select(ScanTable.read(request.scans()),
                new HashSet<>(request.training().tiers()));
        if (rows.size() < request.training().batchSize()) {
            throw new IOException(request.scans() + ": " + rows.size() + " scans selected, fewer than the batch size "
                    + request.training().batchSize());
        }
        listener.status("preparing " + rows.size() + " scans into " + request.cacheDir());
        CachedDataset.Prepared prepared = CachedDataset.prepare(rows,
                new PreprocessCache(request.cacheDir(), request.preprocess()), QualityWeights.DEFAULT,
                request.training().threads(), listener);
        Files.createDirectories(request.modelDir());
        writeFailures(request.modelDir().resolve(FAILURES), prepared.failures());
        CachedDataset data = prepared.dataset();
        if (data.size() < request.training().batchSize()) {
            throw new IOException(request.scans() + ": only " + data.size() + " scans could be prepared ("
                    + prepared.failures().size() + " failed, see " + FAILURES + ")");
        }
        if (request.training().objective().equalsIgnoreCase("yaware")) {
            for (int i = 0; i < data.size(); i++) {
                if (Double.isNaN(data.y(i))) {
                    throw new IOException(request.scans() + ": y-Aware needs an age for every scan; none for "
                            + data.id(i));
                }
            }
        }
        listener.status("pretraining on " + data.size() + " scans");
        PretrainResult result = Pretrainer.run(request.training(), data, request.modelDir(), listener);
        return new Outcome(result, data.size(), prepared.failures());
    }

    private static void writeFailures(Path file, List<CachedDataset.Failure> failures) throws IOException {
        StringBuilder sb = new StringBuilder("path\treason\n");
        for (CachedDataset.Failure f : failures) {
            sb.append(f.path()).append('\t').append(f.reason().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
