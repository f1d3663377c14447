package org.neurocurate.quality.iqm;

import java.util.stream.IntStream;

/**
 * Deterministic parallel reduction over [0, n): a fixed number of contiguous chunks, evaluated in
 * parallel, returned in chunk order, so the caller adds partial results in the same order whatever
 * the thread count.
 */
final class IntRangeSums {

    /** Partial result of one chunk [from, to). */
    interface Chunk {
        double[] sum(int from, int to);
    }

    private IntRangeSums() {
    }

    static double[][] chunked(int n, int chunks, Chunk body) {
        return IntStream.range(0, chunks).parallel().mapToObj(c -> body.sum(
                (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks))).toArray(double[][]::new);
    }
}
