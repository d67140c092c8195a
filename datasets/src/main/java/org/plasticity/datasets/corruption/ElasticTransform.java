package org.plasticity.datasets.corruption;

/**
 * The reference's elastic transform with {@code IMSIZE = S}: (α, σ, a) = S·(0, 0, 0.08),
 * S·(0.05, 0.2, 0.07), S·(0.08, 0.06, 0.06), S·(0.1, 0.04, 0.05), S·(0.1, 0.03, 0.03). In float32
 * like the reference ({@code x = float32(v)/255}): (1) a random affine warp, the three points
 * {@code (c+s, c+s), (c+s, c−s), (c−s, c−s)} (c = S//2, s = S//3, as OpenCV (x, y)) each moved by
 * {@code U(−a, a)} per coordinate, {@link AffineWarp} with border {@code REFLECT_101}; (2)
 * displacement fields {@code dx, dy = float32(α·gaussian_filter(U(−1, 1)^{S×S}, σ, reflect,
 * truncate 3))}; (3) {@link BilinearSampler} at (row + dy, col + dx). Random numbers in that order:
 * the 6 jitters, then dx's field, then dy's.
 */
final class ElasticTransform implements ImageCorruption {

    private static final double[][] FRACTIONS = {
        {0, 0, 0.08}, {0.05, 0.2, 0.07}, {0.08, 0.06, 0.06}, {0.1, 0.04, 0.05}, {0.1, 0.03, 0.03}
    };
    private static final double TRUNCATE = 3;

    private final ImageGeometry geometry;

    ElasticTransform(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    /** @return (α, σ, a) for a severity level, the fractions times S */
    double[] parameters(int level) {
        double size = geometry.height();
        return new double[] {size * FRACTIONS[level][0], size * FRACTIONS[level][1], size * FRACTIONS[level][2]};
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        double[] p = parameters(level);
        double[] affine = randomAffine(p[2], draws);
        int n = geometry.planeSize();
        double[] fieldX = new double[n];
        for (int i = 0; i < n; i++) {
            fieldX[i] = draws.uniform(-1, 1);
        }
        double[] fieldY = new double[n];
        for (int i = 0; i < n; i++) {
            fieldY[i] = draws.uniform(-1, 1);
        }
        return transform(chw, level, affine, fieldX, fieldY);
    }

    /**
     * @param jitter the bound a of the point jitter
     * @param draws the random numbers (6 uniforms)
     * @return the affine transform {m₀ … m₅} from the jittered points
     */
    double[] randomAffine(double jitter, Draws draws) {
        float centre = (float) Math.floor(geometry.height() / 2.0);
        int square = geometry.height() / 3;
        float[] from = {centre + square, centre + square, centre + square, centre - square, centre - square, centre - square};
        float[] to = new float[6];
        for (int i = 0; i < 6; i++) {
            to[i] = from[i] + (float) draws.uniform(-jitter, jitter);
        }
        return AffineWarp.transformFromPoints(from, to);
    }

    /** The deterministic part, given the affine transform and the two uniform fields. */
    byte[] transform(byte[] chw, int level, double[] affine, double[] uniformX, double[] uniformY) {
        double[] p = parameters(level);
        int side = geometry.height();
        int n = geometry.planeSize();
        float[] warped = AffineWarp.warp(Pixels.unitFloat(chw), geometry.channels(), side, side, affine);
        GaussianFilter smooth = new GaussianFilter(p[1], TRUNCATE, Border.REFLECT);
        float[] dx = displacement(smooth.apply(uniformX, 0, side, side), p[0]);
        float[] dy = displacement(smooth.apply(uniformY, 0, side, side), p[0]);
        float[] out = new float[warped.length];
        for (int c = 0; c < geometry.channels(); c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int i = y * side + x;
                    out[c * n + i] = BilinearSampler.sample(warped, c * n, side, side, y + (double) dy[i], x + (double) dx[i]);
                }
            }
        }
        return Pixels.fromUnit(out);
    }

    private static float[] displacement(double[] smoothed, double alpha) {
        float[] d = new float[smoothed.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (smoothed[i] * alpha);
        }
        return d;
    }
}
