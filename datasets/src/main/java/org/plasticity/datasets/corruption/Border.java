package org.plasticity.datasets.corruption;

/**
 * How an index outside {@code 0..n−1} is folded back, for filters and samplers. Names follow the
 * library each mode is taken from.
 */
enum Border {
    /** scipy {@code 'reflect'}, OpenCV {@code BORDER_REFLECT}: {@code d c b a | a b c d | d c b a}. */
    REFLECT {
        @Override
        int index(int i, int n) {
            int m = Math.floorMod(i, 2 * n);
            return m < n ? m : 2 * n - 1 - m;
        }
    },
    /** OpenCV's default {@code BORDER_REFLECT_101}, scipy {@code 'mirror'}: {@code d c b | a b c d | c b a}. */
    REFLECT_101 {
        @Override
        int index(int i, int n) {
            if (n == 1) {
                return 0;
            }
            int m = Math.floorMod(i, 2 * n - 2);
            return m < n ? m : 2 * n - 2 - m;
        }
    },
    /** scipy {@code 'nearest'}, ImageMagick's edge virtual pixels: {@code a a a | a b c d | d d d}. */
    NEAREST {
        @Override
        int index(int i, int n) {
            return Math.max(0, Math.min(n - 1, i));
        }
    };

    /**
     * @param i an index, possibly outside the signal
     * @param n the signal length
     * @return the index in {@code 0..n−1} whose value stands at {@code i}
     */
    abstract int index(int i, int n);
}
