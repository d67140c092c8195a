package org.plasticity.datasets.corruption;

/**
 * {@code (x − m)·c + m} with m the channel's spatial mean (numpy's summation order: left to right
 * for the three channels of an HWC image, pairwise for a single channel); c = 0.75, 0.5, 0.4,
 * 0.3, 0.15.
 */
final class Contrast implements ImageCorruption {

    private static final double[] FACTOR = {0.75, 0.5, 0.4, 0.3, 0.15};

    private final ImageGeometry geometry;

    Contrast(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double c = FACTOR[level];
        double[] x = Pixels.unit(chw);
        int n = geometry.planeSize();
        for (int ch = 0; ch < geometry.channels(); ch++) {
            int from = ch * n;
            double sum = geometry.channels() == 1 ? NumpySum.pairwise(x, from, n) : NumpySum.sequential(x, from, n);
            double mean = sum / n;
            for (int i = from; i < from + n; i++) {
                x[i] = (x[i] - mean) * c + mean;
            }
        }
        return Pixels.fromUnit(x);
    }
}
