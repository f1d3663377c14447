package org.neurocurate.quality.masks;

import java.util.Arrays;

/**
 * Distance (mm) from seed voxels along face-connected paths that stay inside a mask, each step costing
 * the voxel size along its axis (a city-block metric in mm, so thick slices cost their thickness):
 * Dijkstra's algorithm on a primitive binary heap of (distance, voxel) keys.
 */
public final class GeodesicDistance {

    private GeodesicDistance() {
    }

    /**
     * Distances from {@code seeds} (0 there) through {@code mask}; voxels farther than {@code limitMm},
     * outside the mask or unreachable get {@link Float#POSITIVE_INFINITY}. Seeds outside the mask are ignored.
     */
    public static float[] from(boolean[] seeds, boolean[] mask, Grid3 g, double limitMm) {
        float[] d = new float[mask.length];
        Arrays.fill(d, Float.POSITIVE_INFINITY);
        Heap heap = new Heap();
        for (int v = 0; v < mask.length; v++) {
            if (seeds[v] && mask[v]) {
                d[v] = 0;
                heap.push(0, v);
            }
        }
        int nx = g.nx();
        int ny = g.ny();
        int nxy = nx * ny;
        float[] step = {(float) g.spacing()[0], (float) g.spacing()[1], (float) g.spacing()[2]};
        while (!heap.isEmpty()) {
            long top = heap.pop();
            float dv = Float.intBitsToFloat((int) (top >>> 32));
            int v = (int) top;
            if (dv > d[v]) {
                continue;
            }
            int x = v % nx;
            int y = (v / nx) % ny;
            int z = v / nxy;
            relax(d, mask, heap, x > 0 ? v - 1 : -1, dv + step[0], limitMm);
            relax(d, mask, heap, x < nx - 1 ? v + 1 : -1, dv + step[0], limitMm);
            relax(d, mask, heap, y > 0 ? v - nx : -1, dv + step[1], limitMm);
            relax(d, mask, heap, y < ny - 1 ? v + nx : -1, dv + step[1], limitMm);
            relax(d, mask, heap, z > 0 ? v - nxy : -1, dv + step[2], limitMm);
            relax(d, mask, heap, z < g.nz() - 1 ? v + nxy : -1, dv + step[2], limitMm);
        }
        return d;
    }

    private static void relax(float[] d, boolean[] mask, Heap heap, int w, float dw, double limitMm) {
        if (w >= 0 && mask[w] && dw < d[w] && dw <= limitMm) {
            d[w] = dw;
            heap.push(dw, w);
        }
    }

    /**
     * Min-heap of keys (distance bits ≪ 32 | voxel): non-negative floats order like their bit patterns,
     * so the long keys order by distance.
     */
    private static final class Heap {
        private long[] keys = new long[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(float distance, int voxel) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
            }
            long key = ((long) Float.floatToIntBits(distance) << 32) | voxel;
            int i = size++;
            while (i > 0 && keys[(i - 1) / 2] > key) {
                keys[i] = keys[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            keys[i] = key;
        }

        long pop() {
            long top = keys[0];
            long last = keys[--size];
            int i = 0;
            while (2 * i + 1 < size) {
                int c = 2 * i + 1;
                if (c + 1 < size && keys[c + 1] < keys[c]) {
                    c++;
                }
                if (keys[c] >= last) {
                    break;
                }
                keys[i] = keys[c];
                i = c;
            }
            keys[i] = last;
            return top;
        }
    }
}
