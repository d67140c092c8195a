package org.plasticity.datasets.corruption;

/**
 * scipy's {@code ndimage.gaussian_filter} on one H×W plane in double precision (what
 * {@code skimage.filters.gaussian} runs): the 1-D kernel {@code exp(−x²/(2σ²))} on
 * {@code x = −r..r}, {@code r = int(truncate·σ + 0.5)}, divided by its numpy sum, correlated along
 * the rows' axis (vertical) first and then along the columns, with the given border. Like scipy's
 * {@code correlate1d} on a symmetric kernel each output is {@code w₀·x₀ + Σ_{d=r..1} w_d·(x₋d + x_d)}.
 * A σ of 0 leaves the plane unchanged (scipy skips the axis).
 */
final class GaussianFilter {

    private final double[] weights;
    private final Border border;

    /**
     * @param sigma the standard deviation in pixels, ≥ 0
     * @param truncate the kernel half-width in standard deviations
     * @param border how the plane is extended
     */
    GaussianFilter(double sigma, double truncate, Border border) {
        this.border = border;
        this.weights = sigma > 1e-15 ? halfKernel(sigma, truncate) : new double[] {1};
    }

    /** @return the kernel radius {@code r} */
    int radius() {
        return weights.length - 1;
    }

    private static double[] halfKernel(double sigma, double truncate) {
        int radius = (int) (truncate * sigma + 0.5);
        double[] phi = new double[2 * radius + 1];
        double scale = -0.5 / (sigma * sigma);
        for (int x = -radius; x <= radius; x++) {
            phi[x + radius] = Math.exp(scale * (x * x));
        }
        double sum = NumpySum.pairwise(phi, 0, phi.length);
        double[] half = new double[radius + 1];
        for (int d = 0; d <= radius; d++) {
            half[d] = phi[radius + d] / sum;
        }
        return half;
    }

    /**
     * @param src plane values, row-major, starting at {@code offset}
     * @param offset start of the plane in {@code src}
     * @param height rows
     * @param width columns
     * @return the filtered plane, row-major, a new array of {@code height·width}
     */
    double[] apply(double[] src, int offset, int height, int width) {
        double[] plane = new double[height * width];
        System.arraycopy(src, offset, plane, 0, plane.length);
        if (radius() == 0 && weights[0] == 1) {
            return plane;
        }
        double[] vertical = new double[plane.length];
        double[] line = new double[height];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = plane[y * width + x];
            }
            for (int y = 0; y < height; y++) {
                vertical[y * width + x] = correlate(line, y);
            }
        }
        double[] out = new double[plane.length];
        double[] row = new double[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(vertical, y * width, row, 0, width);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = correlate(row, x);
            }
        }
        return out;
    }

    private double correlate(double[] line, int i) {
        int n = line.length;
        double acc = line[i] * weights[0];
        for (int d = radius(); d >= 1; d--) {
            acc += (line[border.index(i - d, n)] + line[border.index(i + d, n)]) * weights[d];
        }
        return acc;
    }
}
