package org.plasticity.datasets.corruption;

/**
 * The reference's {@code plasma_fractal}: a diamond-square height map on an M×M torus (M a power
 * of two), normalised to [0, 1]. Corner (0, 0) starts at 0 and the wibble at 100; at each step size
 * s = M, M/2, …, 2: every square centre gets the mean of its four corners, then every edge midpoint
 * the mean of its two neighbouring centres and two corners (wrapping around), each plus
 * {@code wibble·U(−wibble, wibble)} (the reference's formula, so the noise scale is wibble²); then
 * the wibble is divided by the decay. Values are drawn row-major per filled grid: centres, then
 * the midpoints in the rows of the corners, then those in the columns.
 */
final class PlasmaFractal {

    private static final double START_WIBBLE = 100;

    private PlasmaFractal() {}

    /** @return the smallest power of two ≥ {@code side} (32 for 28 and for 32) */
    static int mapSize(int side) {
        int m = 1;
        while (m < side) {
            m *= 2;
        }
        return m;
    }

    /**
     * @param size M, a power of two ≥ 2
     * @param decay the wibble's divisor per octave
     * @param draws the random numbers
     * @return M×M values in [0, 1], row-major
     */
    static double[] generate(int size, double decay, Draws draws) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("plasma map size must be a power of two >= 2, got " + size);
        }
        double[] map = new double[size * size];
        double wibble = START_WIBBLE;
        for (int step = size; step >= 2; step /= 2) {
            fillSquares(map, size, step, wibble, draws);
            fillDiamonds(map, size, step, wibble, draws);
            wibble /= decay;
        }
        return normalise(map);
    }

    private static void fillSquares(double[] map, int size, int step, double wibble, Draws draws) {
        int n = size / step;
        int half = step / 2;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = (corner(map, size, step, i, j) + corner(map, size, step, i + 1, j))
                        + (corner(map, size, step, i, j + 1) + corner(map, size, step, i + 1, j + 1));
                map[(i * step + half) * size + j * step + half] = wibbledMean(sum, wibble, draws);
            }
        }
    }

    private static void fillDiamonds(double[] map, int size, int step, double wibble, Draws draws) {
        int n = size / step;
        int half = step / 2;
        double[] rowMidpoints = new double[n * n];
        double[] columnMidpoints = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMidpoints[i * n + j] = (centre(map, size, step, i, j) + centre(map, size, step, i - 1, j))
                        + (corner(map, size, step, i, j) + corner(map, size, step, i, j + 1));
                columnMidpoints[i * n + j] = (centre(map, size, step, i, j) + centre(map, size, step, i, j - 1))
                        + (corner(map, size, step, i, j) + corner(map, size, step, i + 1, j));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                map[i * step * size + j * step + half] = wibbledMean(rowMidpoints[i * n + j], wibble, draws);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                map[(i * step + half) * size + j * step] = wibbledMean(columnMidpoints[i * n + j], wibble, draws);
            }
        }
    }

    private static double corner(double[] map, int size, int step, int i, int j) {
        int n = size / step;
        return map[Math.floorMod(i, n) * step * size + Math.floorMod(j, n) * step];
    }

    private static double centre(double[] map, int size, int step, int i, int j) {
        int n = size / step;
        int half = step / 2;
        return map[(Math.floorMod(i, n) * step + half) * size + Math.floorMod(j, n) * step + half];
    }

    private static double wibbledMean(double sum, double wibble, Draws draws) {
        return sum / 4 + wibble * draws.uniform(-wibble, wibble);
    }

    private static double[] normalise(double[] map) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : map) {
            min = Math.min(min, v);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < map.length; i++) {
            map[i] -= min;
            max = Math.max(max, map[i]);
        }
        for (int i = 0; i < map.length; i++) {
            map[i] /= max;
        }
        return map;
    }
}
