package org.plasticity.datasets.corruption;

/**
 * OpenCV's {@code resize(img, (0, 0), fx=f, fy=f, INTER_LINEAR)} on one uint8 plane, scalar
 * fixed-point path. Output size {@code cvRound(n·f)}; output index d samples
 * {@code s = (float)((d + 0.5)/f − 0.5)}, clamped to the first and last pixel; the two weights
 * {@code 1 − frac(s)}, {@code frac(s)} become 11-bit integers and the value is
 * {@code (β₀·(α₀p₀₀ + α₁p₀₁) + β₁·(α₀p₁₀ + α₁p₁₁) + 2²¹) >> 22}. For f = 0.2 every sample falls
 * on a pixel centre ({@code s = 5d + 2}), so the resize picks pixels (5i + 2, 5j + 2) exactly.
 */
final class LinearResize {

    private static final int COEF_BITS = 11;
    private static final int COEF_SCALE = 1 << COEF_BITS;

    private LinearResize() {}

    /** @return {@code cvRound(n·factor)}, OpenCV's output size for a scale factor */
    static int outputSize(int n, double factor) {
        return (int) Math.rint(n * factor);
    }

    /**
     * @param src 0..255 values, row-major
     * @param height rows
     * @param width columns
     * @param factor the scale factor f of both axes
     * @return the resized plane, {@code outputSize(height, f) × outputSize(width, f)}, row-major
     */
    static int[] resize(int[] src, int height, int width, double factor) {
        Axis ax = Axis.of(width, outputSize(width, factor), 1.0 / factor);
        Axis ay = Axis.of(height, outputSize(height, factor), 1.0 / factor);
        int outW = ax.index.length;
        int outH = ay.index.length;
        int[] out = new int[outH * outW];
        for (int y = 0; y < outH; y++) {
            int row0 = ay.index[y] * width;
            int row1 = Math.min(ay.index[y] + 1, height - 1) * width;
            for (int x = 0; x < outW; x++) {
                int x0 = ax.index[x];
                int x1 = Math.min(x0 + 1, width - 1);
                long top = (long) src[row0 + x0] * ax.lower[x] + (long) src[row0 + x1] * ax.upper[x];
                long bottom = (long) src[row1 + x0] * ax.lower[x] + (long) src[row1 + x1] * ax.upper[x];
                long v = (ay.lower[y] * top + ay.upper[y] * bottom + (1L << (2 * COEF_BITS - 1))) >> (2 * COEF_BITS);
                out[y * outW + x] = (int) Math.max(0, Math.min(255, v));
            }
        }
        return out;
    }

    /** Per output index: the left source index and the two fixed-point weights. */
    private record Axis(int[] index, int[] lower, int[] upper) {

        static Axis of(int in, int out, double scale) {
            int[] index = new int[out];
            int[] lower = new int[out];
            int[] upper = new int[out];
            for (int d = 0; d < out; d++) {
                float f = (float) ((d + 0.5) * scale - 0.5);
                int s = (int) Math.floor(f);
                f -= s;
                if (s < 0) {
                    f = 0;
                    s = 0;
                }
                if (s >= in - 1) {
                    f = 0;
                    s = in - 1;
                }
                index[d] = s;
                lower[d] = (int) Math.rint((1.f - f) * COEF_SCALE);
                upper[d] = (int) Math.rint(f * COEF_SCALE);
            }
            return new Axis(index, lower, upper);
        }
    }
}
