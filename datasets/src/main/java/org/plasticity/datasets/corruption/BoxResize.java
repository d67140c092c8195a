package org.plasticity.datasets.corruption;

/**
 * Pillow's {@code Image.resize(size, Image.BOX)} on one uint8 plane. Each output pixel {@code xx}
 * of a pass averages the input pixels whose centres fall in the box
 * {@code center ± max(scale, 1)/2}, {@code center = (xx + 0.5)·scale}, {@code scale = in/out}
 * (Pillow's support rounding: first {@code int(center − support + 0.5)}, last
 * {@code int(center + support + 0.5)} exclusive; filter value 1 on (−½, ½]). The weights are
 * normalised, turned into 22-bit fixed point ({@code int(w·2²² + 0.5)}), and each output is
 * {@code (2²¹ + Σ w·v) >> 22} clipped to 0..255. The horizontal pass runs first into a uint8
 * image, then the vertical pass, as in Pillow.
 */
final class BoxResize {

    private static final int PRECISION_BITS = 22;

    private BoxResize() {}

    /**
     * @param src uint8 plane values (as 0..255 ints), row-major
     * @param height input rows
     * @param width input columns
     * @param outHeight output rows
     * @param outWidth output columns
     * @return the resized plane, row-major
     */
    static int[] resize(int[] src, int height, int width, int outHeight, int outWidth) {
        int[] horizontal = src;
        if (outWidth != width) {
            Coefficients cx = Coefficients.of(width, outWidth);
            horizontal = new int[height * outWidth];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < outWidth; x++) {
                    horizontal[y * outWidth + x] = cx.apply(src, y * width, 1, x);
                }
            }
        }
        if (outHeight == height) {
            return horizontal;
        }
        Coefficients cy = Coefficients.of(height, outHeight);
        int[] out = new int[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                out[y * outWidth + x] = cy.apply(horizontal, x, outWidth, y);
            }
        }
        return out;
    }

    /** Pillow's per-output first index, tap count and fixed-point weights for one axis. */
    private record Coefficients(int[] first, int[][] weights) {

        static Coefficients of(int in, int out) {
            double scale = (double) in / out;
            double filterScale = Math.max(scale, 1.0);
            double support = 0.5 * filterScale;
            int[] first = new int[out];
            int[][] weights = new int[out][];
            double inverseScale = 1.0 / filterScale;
            for (int xx = 0; xx < out; xx++) {
                double center = (xx + 0.5) * scale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), in) - xmin;
                double[] w = new double[xmax];
                double total = 0;
                for (int x = 0; x < xmax; x++) {
                    w[x] = box((x + xmin - center + 0.5) * inverseScale);
                    total += w[x];
                }
                weights[xx] = new int[xmax];
                for (int x = 0; x < xmax; x++) {
                    double normalised = total != 0 ? w[x] / total : w[x];
                    weights[xx][x] = (int) (0.5 + normalised * (1 << PRECISION_BITS));
                }
                first[xx] = xmin;
            }
            return new Coefficients(first, weights);
        }

        private static double box(double x) {
            return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
        }

        int apply(int[] values, int base, int stride, int outIndex) {
            int acc = 1 << (PRECISION_BITS - 1);
            int[] w = weights[outIndex];
            for (int t = 0; t < w.length; t++) {
                acc += values[base + (first[outIndex] + t) * stride] * w[t];
            }
            return Math.max(0, Math.min(255, acc >> PRECISION_BITS));
        }
    }
}
