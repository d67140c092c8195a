package org.plasticity.datasets.scenario;

/**
 * Bit-exact port of the parts of numpy's legacy {@code np.random.RandomState(seed)} that shuffling
 * needs: MT19937 seeded like {@code RandomState(int)}, {@code random_interval} and the legacy
 * 1-d {@code shuffle}. Reference protocols draw their permutations this way, so matching numpy
 * exactly is what makes the tasks the same as theirs.
 */
public final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7FFFFFFF;

    private final int[] mt = new int[N];
    private int index;

    /**
     * Seeds like numpy's {@code _legacy_seeding} for a plain integer, which is MT19937's
     * {@code init_genrand}.
     *
     * @param seed 0 .. 2^32-1
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /**
     * sklearn's {@code shuffle(np.arange(n), random_state=seed)}.
     *
     * @param n length of the range
     * @param seed the random state's seed
     * @return {@code 0..n-1} shuffled
     */
    public static int[] shuffledRange(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        new NumpyRandomState(seed).shuffle(a);
        return a;
    }

    /** @return the next 32-bit output, 0 .. 2^32-1 */
    public long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /**
     * numpy's legacy {@code random_interval(max)}: uniform on {@code 0..max} by masking to the
     * smallest all-ones bit mask covering max and rejecting values above max.
     *
     * @param max inclusive upper bound, non-negative
     * @return a value in {@code 0..max}
     */
    public int randomInterval(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return (int) value;
    }

    /**
     * numpy's legacy in-place shuffle of a 1-d array: for i from n-1 down to 1, swap a[i] with
     * a[random_interval(i)].
     *
     * @param a the array to shuffle
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i >= 1; i--) {
            int j = randomInterval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }
}
