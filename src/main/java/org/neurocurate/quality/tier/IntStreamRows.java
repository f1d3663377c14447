package org.neurocurate.quality.tier;

import java.util.stream.IntStream;

/** Row index sets for tree growers. */
final class IntStreamRows {

    private IntStreamRows() {
    }

    /** Indices {@code i} with {@code weights[i] > 0}, ascending. */
    static int[] nonZero(double[] weights) {
        return IntStream.range(0, weights.length).filter(i -> weights[i] > 0).toArray();
    }
}
