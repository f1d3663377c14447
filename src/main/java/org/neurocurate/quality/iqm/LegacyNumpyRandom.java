package org.neurocurate.quality.iqm;

/**
 * numpy's legacy global generator ({@code np.random.seed(s)}; {@code np.random.choice(n, size)}), so
 * that MRIQC's seeded background subsample in {@code art_qi2} picks the same voxels.
 *
 * <p>MT19937 (Matsumoto &amp; Nishimura, ACM TOMACS 8(1):3–30, 1998) seeded with init_genrand(s); a
 * draw in [0, n) takes 32-bit outputs masked to the smallest 2<sup>k</sup>−1 ≥ n−1 and rejects values
 * above n−1 (numpy's legacy {@code randint}, which {@code choice} with replacement uses).
 */
final class LegacyNumpyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index = N;

    LegacyNumpyRandom(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
    }

    /** The next 32-bit output as an unsigned value. */
    long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** {@code np.random.randint(0, bound)} for 1 ≤ bound ≤ 2³². */
    long nextIndex(long bound) {
        long range = bound - 1;
        if (range == 0) {
            return 0;
        }
        long mask = range;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > range);
        return v;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            int next = mt[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            mt[i] = next;
        }
        index = 0;
    }
}
