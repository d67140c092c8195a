package org.plasticity.datasets.corruption;

/**
 * {@code (x + Σ_z clipped_zoom(x, z)) / (|Z| + 1)} per channel in float32 like the reference
 * ({@code x = float32(v/255)}, the sum accumulated in float32), with
 * {@code Z = numpy.arange(1, stop, 0.01)} and stop = 1.06, 1.11, 1.16, 1.21, 1.26, which numpy
 * makes 7, 12, 16, 21 and 26 factors (see {@link ZoomFactors}).
 */
final class ZoomBlur implements ImageCorruption {

    private static final double[] STOP = {1.06, 1.11, 1.16, 1.21, 1.26};
    private static final double STEP = 0.01;

    private final ImageGeometry geometry;
    private final ClippedZoom[][] zooms;

    ZoomBlur(ImageGeometry geometry) {
        this.geometry = geometry;
        this.zooms = new ClippedZoom[STOP.length][];
        for (int level = 0; level < STOP.length; level++) {
            double[] factors = ZoomFactors.arange(1, STOP[level], STEP);
            zooms[level] = new ClippedZoom[factors.length];
            for (int i = 0; i < factors.length; i++) {
                zooms[level][i] = new ClippedZoom(geometry.height(), factors[i]);
            }
        }
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        float[] x = Pixels.unitFloat(chw);
        float[] out = new float[x.length];
        int n = geometry.planeSize();
        float count = zooms[level].length + 1;
        for (int c = 0; c < geometry.channels(); c++) {
            float[] sum = new float[n];
            for (ClippedZoom zoom : zooms[level]) {
                float[] zoomed = zoom.apply(x, c * n);
                for (int i = 0; i < n; i++) {
                    sum[i] += zoomed[i];
                }
            }
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (x[c * n + i] + sum[i]) / count;
            }
        }
        return Pixels.fromUnit(out);
    }
}
