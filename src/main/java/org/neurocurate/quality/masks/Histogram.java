package org.neurocurate.quality.masks;

/**
 * Counts of values in equal bins from their minimum (first bin) to their maximum (last bin), with
 * quantile lookups: the histogram behind {@link Otsu}'s thresholds and {@link HeadMask}'s robust
 * threshold.
 *
 * @param counts values per bin
 * @param min    the smallest value counted
 * @param scale  bins per unit of value: value v falls in bin ⌊(v − min)·scale⌋
 * @param total  values counted
 */
record Histogram(long[] counts, double min, double scale, long total) {

    /** The values where {@code include} is set (all when null); null when they are constant or none. */
    static Histogram of(float[] values, boolean[] include, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (include == null || include[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (!(max > min)) {
            return null;
        }
        long[] counts = new long[bins];
        double scale = (bins - 1) / (max - min);
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            if (include == null || include[i]) {
                counts[(int) ((values[i] - min) * scale)]++;
                total++;
            }
        }
        return new Histogram(counts, min, scale, total);
    }

    /** The first bin by which at least the fraction {@code q} of the values is counted. */
    int quantileBin(double q) {
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= q * total) {
                return b;
            }
        }
        return counts.length - 1;
    }

    /** The value at the middle of bin b. */
    double centre(int b) {
        return min + (b + 0.5) / scale;
    }

    /** The value at the upper edge of bin b: a cut after bin b. */
    double upperEdge(int b) {
        return min + (b + 1) / scale;
    }
}
