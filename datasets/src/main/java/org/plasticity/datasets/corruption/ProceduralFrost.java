package org.plasticity.datasets.corruption;

/**
 * A grey frost texture made from random numbers alone, used when no frost photos are given
 * (reconstructed, not the reference: "frost (procedural substitute)"). On the 0..255 scale
 * {@code F = 255·min(1, 0.55·P + Σ streaks)}: P is a {@link PlasmaFractal} (wibble decay 1.6,
 * rougher than fog's) cropped to S×S; each of 10 streaks is a line segment with centre uniform in
 * the image, direction uniform in [0, π), half-length U(S/8, S/2) and brightness U(0.25, 0.6),
 * drawn with a Gaussian cross-section of σ = 0.6 px and a brightness that falls linearly to 0 at
 * both ends, like the needles of ice crystals.
 */
final class ProceduralFrost {

    private static final double PLASMA_DECAY = 1.6;
    private static final double PLASMA_WEIGHT = 0.55;
    private static final int STREAKS = 10;
    private static final double STREAK_SIGMA = 0.6;
    private static final double MIN_BRIGHTNESS = 0.25;
    private static final double MAX_BRIGHTNESS = 0.6;

    private ProceduralFrost() {}

    /**
     * @param side S
     * @param draws the random numbers (the plasma first, then the streaks)
     * @return S×S values on the 0..255 scale, row-major
     */
    static double[] texture(int side, Draws draws) {
        int mapSize = PlasmaFractal.mapSize(side);
        double[] plasma = PlasmaFractal.generate(mapSize, PLASMA_DECAY, draws);
        double[] f = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                f[y * side + x] = PLASMA_WEIGHT * plasma[y * mapSize + x];
            }
        }
        for (int s = 0; s < STREAKS; s++) {
            addStreak(f, side, draws);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = 255 * Math.min(1, f[i]);
        }
        return f;
    }

    private static void addStreak(double[] f, int side, Draws draws) {
        double cx = draws.uniform(0, side);
        double cy = draws.uniform(0, side);
        double angle = draws.uniform(0, Math.PI);
        double halfLength = draws.uniform(side / 8.0, side / 2.0);
        double brightness = draws.uniform(MIN_BRIGHTNESS, MAX_BRIGHTNESS);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double along = (x - cx) * ux + (y - cy) * uy;
                double across = -(x - cx) * uy + (y - cy) * ux;
                double fade = 1 - Math.abs(along) / halfLength;
                if (fade > 0) {
                    f[y * side + x] += brightness * fade * Math.exp(-across * across / (2 * STREAK_SIGMA * STREAK_SIGMA));
                }
            }
        }
    }
}
