package org.plasticity.datasets.corruption;

/**
 * HSV value shift: RGB → HSV (scikit-image), {@code V ← clip(V + c, 0, 1)}, back to RGB; c = 0.05,
 * 0.1, 0.15, 0.2, 0.3. A grey pixel's V is the value itself, so grey images get
 * {@code clip(x + c, 0, 1)}, which is what the HSV round trip gives for R = G = B.
 */
final class Brightness implements ImageCorruption {

    private static final double[] SHIFT = {0.05, 0.1, 0.15, 0.2, 0.3};

    private final ImageGeometry geometry;

    Brightness(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double c = SHIFT[level];
        double[] x = Pixels.unit(chw);
        int n = geometry.planeSize();
        if (geometry.channels() == 1) {
            for (int i = 0; i < n; i++) {
                x[i] = Pixels.clip(x[i] + c, 1);
            }
            return Pixels.fromUnit(x);
        }
        for (int i = 0; i < n; i++) {
            double[] hsv = Hsv.fromRgb(x[i], x[n + i], x[2 * n + i]);
            double[] rgb = Hsv.toRgb(hsv[0], hsv[1], Pixels.clip(hsv[2] + c, 1));
            x[i] = rgb[0];
            x[n + i] = rgb[1];
            x[2 * n + i] = rgb[2];
        }
        return Pixels.fromUnit(x);
    }
}
