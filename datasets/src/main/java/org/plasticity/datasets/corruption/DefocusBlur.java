package org.plasticity.datasets.corruption;

import java.util.Arrays;

/**
 * Correlation of each channel with {@link DiskKernel} (OpenCV {@code filter2D}, border
 * {@code REFLECT_101}); (radius, alias blur) = (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (1, 0.2),
 * (1.5, 0.1).
 */
final class DefocusBlur implements ImageCorruption {

    private static final double[][] RADIUS_ALIAS = {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}};

    private final ImageGeometry geometry;
    private final double[][] kernels;

    DefocusBlur(ImageGeometry geometry) {
        this.geometry = geometry;
        this.kernels = Arrays.stream(RADIUS_ALIAS).map(p -> DiskKernel.of(p[0], p[1])).toArray(double[][]::new);
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double[] x = Pixels.unit(chw);
        double[] out = new double[x.length];
        int n = geometry.planeSize();
        for (int c = 0; c < geometry.channels(); c++) {
            double[] plane = PlaneCorrelation.apply(
                    x, c * n, geometry.height(), geometry.width(), kernels[level], Border.REFLECT_101);
            System.arraycopy(plane, 0, out, c * n, n);
        }
        return Pixels.fromUnit(out);
    }
}
