package org.plasticity.datasets.corruption;

/**
 * Pillow BOX resize to {@code int(S·c)} pixels a side and back to S ({@link BoxResize}), per
 * channel; c = 0.95, 0.9, 0.85, 0.75, 0.65 (30, 28, 27, 24, 20 px for 32; 26, 25, 23, 21, 18 for
 * 28).
 */
final class Pixelate implements ImageCorruption {

    private static final double[] FRACTION = {0.95, 0.9, 0.85, 0.75, 0.65};

    private final ImageGeometry geometry;

    Pixelate(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    /** @return the reduced side {@code int(S·c)} of a severity level */
    int reducedSide(int level) {
        return (int) (geometry.height() * FRACTION[level]);
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        int side = geometry.height();
        int small = reducedSide(level);
        int n = geometry.planeSize();
        byte[] out = new byte[chw.length];
        int[] plane = new int[n];
        for (int c = 0; c < geometry.channels(); c++) {
            for (int i = 0; i < n; i++) {
                plane[i] = chw[c * n + i] & 0xFF;
            }
            int[] reduced = BoxResize.resize(plane, side, side, small, small);
            int[] restored = BoxResize.resize(reduced, small, small, side, side);
            for (int i = 0; i < n; i++) {
                out[c * n + i] = (byte) restored[i];
            }
        }
        return out;
    }
}
