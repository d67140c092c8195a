package org.plasticity.datasets.corruption;

/**
 * {@code clip((x + c₀·P)·m/(m + c₀), 0, 1)} with m the image's maximum (over all channels, taken
 * before the fog is added) and P a {@link PlasmaFractal} of size M (the smallest power of two
 * ≥ S: 32 for 32 and 28 px) cropped to its top-left S×S and added to every channel;
 * (c₀, wibble decay) = (0.2, 3), (0.5, 3), (0.75, 2.5), (1, 2), (1.5, 1.75).
 */
final class Fog implements ImageCorruption {

    private static final double[][] AMOUNT_DECAY = {{0.2, 3}, {0.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}};

    private final ImageGeometry geometry;
    private final int mapSize;

    Fog(ImageGeometry geometry) {
        this.geometry = geometry;
        this.mapSize = PlasmaFractal.mapSize(geometry.height());
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        return transform(chw, level, PlasmaFractal.generate(mapSize, AMOUNT_DECAY[level][1], draws));
    }

    /** The deterministic part, given the M×M plasma map. */
    byte[] transform(byte[] chw, int level, double[] plasma) {
        double amount = AMOUNT_DECAY[level][0];
        double[] x = Pixels.unit(chw);
        double max = 0;
        for (double v : x) {
            max = Math.max(max, v);
        }
        int side = geometry.height();
        int n = geometry.planeSize();
        for (int c = 0; c < geometry.channels(); c++) {
            for (int y = 0; y < side; y++) {
                for (int col = 0; col < side; col++) {
                    int i = c * n + y * side + col;
                    double fogged = x[i] + amount * plasma[y * mapSize + col];
                    x[i] = fogged * max / (max + amount);
                }
            }
        }
        return Pixels.fromUnit(x);
    }
}
