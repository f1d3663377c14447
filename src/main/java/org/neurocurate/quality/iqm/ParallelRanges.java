package org.neurocurate.quality.iqm;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Loops over an index range split into contiguous parts that run in parallel on the common fork-join
 * pool. The split depends only on the range and the part size (or count), never on the thread count,
 * and results come back in part order, so a caller that adds partial sums in that order gets the same
 * result on every machine. Public for the tissue model, whose per-voxel loops split the same way.
 */
public final class ParallelRanges {

    /** The result of one part [from, to). */
    public interface Pass<T> {
        T over(int from, int to);
    }

    /** The work of one part [from, to). */
    public interface Body {
        void run(int from, int to);
    }

    private ParallelRanges() {
    }

    /** Each part's result, in order: [from, to) in parts of {@code size} indices (the last may be shorter). */
    public static <T> List<T> bySize(int from, int to, int size, Pass<T> pass) {
        int parts = (int) ((to - (long) from + size - 1) / size);
        if (parts <= 1) {
            return List.of(pass.over(from, to));
        }
        return IntStream.range(0, parts).parallel()
                .mapToObj(c -> pass.over(from + c * size, (int) Math.min(to, from + (long) (c + 1) * size))).toList();
    }

    /** {@link #bySize} for work without results. */
    public static void forEachBySize(int from, int to, int size, Body body) {
        bySize(from, to, size, (i0, i1) -> {
            body.run(i0, i1);
            return Boolean.TRUE;
        });
    }

    /** Each part's result, in order: [0, n) in {@code parts} parts, part c starting at ⌊n·c / parts⌋. */
    public static <T> List<T> byCount(int n, int parts, Pass<T> pass) {
        return IntStream.range(0, parts).parallel()
                .mapToObj(c -> pass.over((int) ((long) n * c / parts), (int) ((long) n * (c + 1) / parts))).toList();
    }
}
