package org.plasticity.datasets.corruption;

/**
 * OpenCV's {@code filter2D} with the anchor at the kernel centre: {@code out(y, x) =
 * Σ_{i,j} k(i, j)·src(y + i − c, x + j − c)} on one H×W plane, in double precision, with the given
 * border. OpenCV computes large kernels by DFT; the sum here is direct, equal up to rounding.
 */
final class PlaneCorrelation {

    private PlaneCorrelation() {}

    /**
     * @param src plane values starting at {@code offset}, row-major
     * @param offset start of the plane
     * @param height rows
     * @param width columns
     * @param kernel a square kernel of odd side, row-major
     * @param border how the plane is extended
     * @return the correlated plane, a new array
     */
    static double[] apply(double[] src, int offset, int height, int width, double[] kernel, Border border) {
        int k = (int) Math.round(Math.sqrt(kernel.length));
        int c = k / 2;
        double[] out = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double acc = 0;
                for (int i = 0; i < k; i++) {
                    int row = offset + border.index(y + i - c, height) * width;
                    for (int j = 0; j < k; j++) {
                        acc += kernel[i * k + j] * src[row + border.index(x + j - c, width)];
                    }
                }
                out[y * width + x] = acc;
            }
        }
        return out;
    }
}
