package org.neurocurate.learn.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.neurocurate.learn.AtomicFiles;
import org.neurocurate.learn.data.CachedDataset;
import org.neurocurate.learn.data.PreprocessCache;
import org.neurocurate.learn.data.PreprocessSettings;
import org.neurocurate.learn.data.ScanTable;
import org.neurocurate.learn.loss.QualityWeights;
import org.neurocurate.learn.model.ModelCard;
import org.neurocurate.learn.model.ModelStore;
import org.neurocurate.progress.ProgressListener;

/**
 * Embeddings of every scan of a scans table with a trained model: the core of
 * {@code neurocurate embed}. Output TSV, one row per input scan in table order, columns
 * {@code path tier age error emb_0 … emb_{D−1}}; a scan that cannot be prepared gets its reason
 * in {@code error} and {@code n/a} embeddings, and the others go on.
 */
public final class ScanEmbedding {

    /** Rows written and how many of them failed. */
    public record Outcome(int rows, int failed, int dimension) {
    }

    private ScanEmbedding() {
    }

    public static Outcome run(Path modelDir, Path scans, Path cacheDir, Path outTsv, int threads,
            ProgressListener listener) throws IOException {
        ModelCard card = ModelStore.readCard(modelDir);
        PreprocessSettings settings = settingsOf(card);
        List<ScanTable.Row> rows = ScanTable.read(scans);
        CachedDataset.Prepared prepared = CachedDataset.prepare(rows, new PreprocessCache(cacheDir, settings),
                QualityWeights.DEFAULT, threads, listener);
        CachedDataset data = prepared.dataset();
        double[][] emb = data.size() == 0 ? new double[0][] : Embedder.embed(modelDir, data, threads, listener);
        int dim = 0;
        for (double[] e : emb) {
            dim = e != null ? e.length : dim;
        }
        StringBuilder sb = new StringBuilder("path\ttier\tage\terror");
        for (int j = 0; j < dim; j++) {
            sb.append("\temb_").append(j);
        }
        sb.append('\n');
        int k = 0;
        int failed = 0;
        for (ScanTable.Row r : rows) {
            String error = null;
            double[] e = null;
            if (k < data.size() && data.rows().get(k) == r) {
                e = emb[k++];
                error = e == null ? "could not read the cached grid" : null;
            } else {
                error = prepared.failures().stream().filter(f -> f.path().equals(r.path())).map(f -> f.reason())
                        .findFirst().orElse("not prepared");
            }
            failed += e == null ? 1 : 0;
            sb.append(r.path()).append('\t').append(r.tier() == 0 ? "n/a" : Integer.toString(r.tier()))
                    .append('\t').append(Double.isNaN(r.age()) ? "n/a" : Double.toString(r.age()))
                    .append('\t').append(error == null ? "" : error.replace('\t', ' ').replace('\n', ' '));
            for (int j = 0; j < dim; j++) {
                sb.append('\t').append(e == null ? "n/a" : String.format(Locale.ROOT, "%.6g", e[j]));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(outTsv, sb.toString());
        return new Outcome(rows.size(), failed, dim);
    }

    /** The preprocessing the model was trained with, from its card. */
    static PreprocessSettings settingsOf(ModelCard card) {
        long[] g = card.grid();
        double low = Double.parseDouble(card.training().getOrDefault("low_percentile", "0.5"));
        double high = Double.parseDouble(card.training().getOrDefault("high_percentile", "99.5"));
        return new PreprocessSettings(new int[] {(int) g[0], (int) g[1], (int) g[2]}, card.spacingMm()[0], low, high);
    }
}
