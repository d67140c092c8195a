package org.plasticity.datasets.corruption;

/**
 * The reference's motion blur, ImageMagick {@code motion_blur(radius, sigma, angle)} with
 * {@code angle ~ U(−45°, 45°)}, here through {@link ImageMagickMotionBlur} (a substitute: a
 * re-implementation of ImageMagick's kernel, not ImageMagick). (radius, σ) = (6, 1), (6, 1.5),
 * (6, 2), (8, 2), (9, 2.5). The result is already rounded to uint8, as the PNG ImageMagick
 * returns.
 */
final class MotionBlur implements ImageCorruption {

    private static final double[][] RADIUS_SIGMA = {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}};
    private static final double MAX_ANGLE = 45;

    private final ImageGeometry geometry;

    MotionBlur(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double angle = draws.uniform(-MAX_ANGLE, MAX_ANGLE);
        return transform(chw, level, angle);
    }

    /** The deterministic part: the blur along {@code angleDegrees}. */
    byte[] transform(byte[] chw, int level, double angleDegrees) {
        ImageMagickMotionBlur blur = new ImageMagickMotionBlur(RADIUS_SIGMA[level][0], RADIUS_SIGMA[level][1], angleDegrees);
        int[] values = new int[chw.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = chw[i] & 0xFF;
        }
        byte[] out = new byte[chw.length];
        int n = geometry.planeSize();
        for (int c = 0; c < geometry.channels(); c++) {
            int[] plane = blur.apply(values, c * n, geometry.height(), geometry.width());
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (byte) plane[i];
            }
        }
        return out;
    }
}
