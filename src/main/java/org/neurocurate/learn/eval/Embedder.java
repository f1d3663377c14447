package org.neurocurate.learn.eval;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.neurocurate.learn.DjlEnvironment;
import org.neurocurate.learn.data.ContrastiveDataset;
import org.neurocurate.learn.data.FloatGrid;
import org.neurocurate.learn.model.EncoderNetwork;
import org.neurocurate.learn.model.ModelStore;
import org.neurocurate.progress.ProgressListener;

/**
 * Embeddings (the encoder's features, before the projection head) of every scan of a dataset, in
 * inference mode; one scan per step, each in its own closed {@link NDManager}.
 */
public final class Embedder {

    private Embedder() {
    }

    /** A model's embeddings of {@code data}; row i is scan i, null when its grid could not be read. */
    public static double[][] embed(Path modelDir, ContrastiveDataset data, int threads, ProgressListener listener)
            throws IOException {
        DjlEnvironment.engine(threads, 1);
        try (NDManager root = NDManager.newBaseManager()) {
            ModelStore.Loaded loaded = ModelStore.load(modelDir, root);
            int[] shape = data.shape();
            long[] grid = loaded.card().grid();
            if (grid[0] != shape[0] || grid[1] != shape[1] || grid[2] != shape[2]) {
                throw new IOException(modelDir + ": model grid " + grid[0] + "x" + grid[1] + "x" + grid[2]
                        + " differs from the data grid " + shape[0] + "x" + shape[1] + "x" + shape[2]);
            }
            return embed(loaded.network(), root, data, listener);
        }
    }

    /** Embeddings with an already loaded network (e.g. an untrained one for a baseline). */
    public static double[][] embed(EncoderNetwork net, NDManager root, ContrastiveDataset data,
            ProgressListener listener) {
        double[][] out = new double[data.size()][];
        for (int i = 0; i < data.size() && !listener.isCancelled(); i++) {
            try (NDManager step = root.newSubManager()) {
                FloatGrid g = data.grid(i);
                NDArray x = step.create(g.data(), new Shape(1, 1, g.nz(), g.ny(), g.nx()));
                float[] f = net.embed(x).toFloatArray();
                out[i] = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    out[i][j] = f[j];
                }
            } catch (IOException e) {
                listener.warn("no embedding for " + data.id(i) + ": " + e.getMessage());
            }
            listener.progress(i + 1, data.size());
        }
        return out;
    }
}
