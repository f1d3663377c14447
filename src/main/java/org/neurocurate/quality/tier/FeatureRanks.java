package org.neurocurate.quality.tier;

import java.util.Arrays;

/**
 * Per feature, every row's dense rank (equal values share a rank) and the rows in ascending value
 * order, computed once per fit. Tree growers get a node's rows in value order either by walking the
 * presorted order through a membership mask (O(n), for large nodes) or by a primitive sort of
 * {@code rank << 32 | row} (O(m log m), for small nodes); a change of rank marks a possible split.
 */
final class FeatureRanks {

    private final int[][] rank;  // [feature][row]
    private final int[][] order; // [feature][position] = row

    FeatureRanks(double[][] x) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        rank = new int[p][n];
        order = new int[p][n];
        Integer[] boxed = new Integer[n];
        for (int f = 0; f < p; f++) {
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            final int ff = f;
            Arrays.sort(boxed, (a, b) -> Double.compare(x[a][ff], x[b][ff]));
            int r = -1;
            double prev = Double.NaN;
            for (int k = 0; k < n; k++) {
                double v = x[boxed[k]][f];
                if (k == 0 || Double.compare(v, prev) != 0) {
                    r++;
                    prev = v;
                }
                rank[f][boxed[k]] = r;
                order[f][k] = boxed[k];
            }
        }
    }

    int rank(int feature, int row) {
        return rank[feature][row];
    }

    /**
     * The distinct {@code rows} sorted by feature {@code f}'s value (ties by row index when sorted,
     * by presort order when walked; either is a valid order for a split scan).
     *
     * @param mask  scratch array of length n, all false on entry and on return
     */
    int[] sortedRows(int f, int[] rows, boolean[] mask) {
        int n = rank[f].length;
        int[] out = new int[rows.length];
        if ((long) rows.length * 8 > n) {
            for (int i : rows) {
                mask[i] = true;
            }
            int k = 0;
            for (int i : order[f]) {
                if (mask[i]) {
                    out[k++] = i;
                }
            }
            for (int i : rows) {
                mask[i] = false;
            }
            return out;
        }
        long[] keys = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            keys[k] = ((long) rank[f][rows[k]] << 32) | rows[k];
        }
        Arrays.sort(keys);
        for (int k = 0; k < rows.length; k++) {
            out[k] = (int) keys[k];
        }
        return out;
    }
}
