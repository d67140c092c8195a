package org.plasticity.datasets.corruption;

/**
 * numpy's floating-point summation orders, so sums that the reference takes with {@code np.sum}
 * or {@code np.mean} round the same way: pairwise summation for a reduction over contiguous values
 * (blocks of at most 128 summed by eight interleaved accumulators), plain left-to-right
 * accumulation where numpy reduces along a strided axis (the per-channel mean of an HWC image).
 */
final class NumpySum {

    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySum() {}

    /** @return numpy's pairwise sum of {@code a[from .. from+n)} */
    static double pairwise(double[] a, int from, int n) {
        if (n < UNROLL) {
            double res = 0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - n % UNROLL; i += UNROLL) {
                for (int j = 0; j < UNROLL; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % UNROLL;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }

    /** @return the left-to-right sum of {@code a[from .. from+n)} */
    static double sequential(double[] a, int from, int n) {
        double res = 0;
        for (int i = 0; i < n; i++) {
            res += a[from + i];
        }
        return res;
    }
}
