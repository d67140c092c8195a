package org.plasticity.datasets.corruption;

/**
 * OpenCV's {@code warpAffine(src, M, (W, H), INTER_LINEAR, BORDER_REFLECT_101)} on float32
 * planes. M maps source to destination; it is inverted as OpenCV does
 * ({@code D = 1/(m₀m₄ − m₁m₃)}, …) and each destination pixel (x, y) samples the source at
 * {@code A·(x, y, 1)}, quantised like OpenCV: both coordinates in 1/1024 pixel
 * ({@code cvRound(a₀x·1024)} plus {@code cvRound((a₁y + a₂)·1024)}), then to 1/32 pixel with
 * rounding ({@code (X + 16) >> 5}). The four neighbours get float weights
 * {@code (1 − f_y)(1 − f_x)}, {@code (1 − f_y)f_x}, {@code f_y(1 − f_x)}, {@code f_y f_x}
 * (f in 32nds) and the value is summed in float in that order.
 */
final class AffineWarp {

    private static final int AB_BITS = 10;
    private static final int AB_SCALE = 1 << AB_BITS;
    private static final int INTER_BITS = 5;
    private static final int INTER_TAB_SIZE = 1 << INTER_BITS;
    private static final int ROUND_DELTA = AB_SCALE / INTER_TAB_SIZE / 2;

    private AffineWarp() {}

    /**
     * OpenCV's {@code getAffineTransform}: the 2×3 M with {@code M·(xᵢ, yᵢ, 1) = (uᵢ, vᵢ)} for the
     * three point pairs, solved in double (Gaussian elimination with partial pivoting).
     *
     * @param from three source points as {x₀, y₀, x₁, y₁, x₂, y₂}
     * @param to the three destination points, same layout
     * @return {m₀ … m₅}, row-major
     */
    static double[] transformFromPoints(float[] from, float[] to) {
        double[][] a = new double[3][];
        for (int i = 0; i < 3; i++) {
            a[i] = new double[] {from[2 * i], from[2 * i + 1], 1, to[2 * i], to[2 * i + 1]};
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < 3; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < 5; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] m = new double[6];
        for (int out = 0; out < 2; out++) {
            double[] x = new double[3];
            for (int r = 2; r >= 0; r--) {
                double s = a[r][3 + out];
                for (int c = r + 1; c < 3; c++) {
                    s -= a[r][c] * x[c];
                }
                x[r] = s / a[r][r];
            }
            System.arraycopy(x, 0, m, 3 * out, 3);
        }
        return m;
    }

    /**
     * @param src float planes, CHW, each H×W
     * @param channels planes in {@code src}
     * @param height H
     * @param width W
     * @param m the source-to-destination transform {m₀ … m₅}
     * @return the warped planes, CHW, a new array
     */
    static float[] warp(float[] src, int channels, int height, int width, double[] m) {
        double[] inv = invert(m);
        float[] out = new float[src.length];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            int x0 = (int) Math.rint((inv[1] * y + inv[2]) * AB_SCALE) + ROUND_DELTA;
            int y0 = (int) Math.rint((inv[4] * y + inv[5]) * AB_SCALE) + ROUND_DELTA;
            for (int x = 0; x < width; x++) {
                int qx = (x0 + (int) Math.rint(inv[0] * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
                int qy = (y0 + (int) Math.rint(inv[3] * x * AB_SCALE)) >> (AB_BITS - INTER_BITS);
                int sx = qx >> INTER_BITS;
                int sy = qy >> INTER_BITS;
                float fx = (qx & (INTER_TAB_SIZE - 1)) / (float) INTER_TAB_SIZE;
                float fy = (qy & (INTER_TAB_SIZE - 1)) / (float) INTER_TAB_SIZE;
                float w0 = (1 - fy) * (1 - fx);
                float w1 = (1 - fy) * fx;
                float w2 = fy * (1 - fx);
                float w3 = fy * fx;
                int c0 = Border.REFLECT_101.index(sx, width);
                int c1 = Border.REFLECT_101.index(sx + 1, width);
                int r0 = Border.REFLECT_101.index(sy, height) * width;
                int r1 = Border.REFLECT_101.index(sy + 1, height) * width;
                for (int c = 0; c < channels; c++) {
                    int base = c * plane;
                    out[base + y * width + x] = src[base + r0 + c0] * w0 + src[base + r0 + c1] * w1
                            + src[base + r1 + c0] * w2 + src[base + r1 + c1] * w3;
                }
            }
        }
        return out;
    }

    private static double[] invert(double[] m) {
        double d = m[0] * m[4] - m[1] * m[3];
        d = d != 0 ? 1. / d : 0;
        double a11 = m[4] * d;
        double a22 = m[0] * d;
        double a12 = -m[1] * d;
        double a21 = -m[3] * d;
        double b1 = -a11 * m[2] - a12 * m[5];
        double b2 = -a21 * m[2] - a22 * m[5];
        return new double[] {a11, a12, b1, a21, a22, b2};
    }
}
