package org.plasticity.datasets.corruption;

/**
 * The reference's snow. A layer {@code L ~ N(μ, σ²)} of S×S values is zoomed with
 * {@link ClippedZoom} (factor z), values below the threshold set to 0, stored as uint8
 * ({@code uint8(clip(L, 0, 1)·255)}), motion-blurred with {@link ImageMagickMotionBlur}
 * (radius, blur σ, {@code angle ~ U(−135°, −45°)}; the substitute part) and divided by 255. The
 * image (float32, {@code x = float32(v)/255}) is brightened in float32,
 * {@code x ← b·x + (1 − b)·max(x, 1.5·gray(x) + 0.5)} with gray OpenCV's float RGB→grey
 * ({@code 0.299R + 0.587G + 0.114B}; a grey image is its own gray), and the result is
 * {@code clip(x + L + rot180(L), 0, 1)} in double. (μ, σ, z, threshold, radius, blur σ, b) =
 * (0.1, 0.2, 1, 0.6, 8, 3, 0.95), (0.1, 0.2, 1, 0.5, 10, 4, 0.9), (0.15, 0.3, 1.75, 0.55, 10, 4, 0.9),
 * (0.25, 0.3, 2.25, 0.6, 12, 6, 0.85), (0.3, 0.3, 1.25, 0.65, 14, 12, 0.8).
 */
final class Snow implements ImageCorruption {

    private record Setting(double mean, double sd, double zoom, double threshold, double radius, double blurSigma, double blend) {}

    private static final Setting[] SETTINGS = {
        new Setting(0.1, 0.2, 1, 0.6, 8, 3, 0.95),
        new Setting(0.1, 0.2, 1, 0.5, 10, 4, 0.9),
        new Setting(0.15, 0.3, 1.75, 0.55, 10, 4, 0.9),
        new Setting(0.25, 0.3, 2.25, 0.6, 12, 6, 0.85),
        new Setting(0.3, 0.3, 1.25, 0.65, 14, 12, 0.8),
    };
    private static final double MIN_ANGLE = -135;
    private static final double MAX_ANGLE = -45;

    private final ImageGeometry geometry;

    Snow(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        Setting s = SETTINGS[level];
        double[] layer = new double[geometry.planeSize()];
        for (int i = 0; i < layer.length; i++) {
            layer[i] = draws.normal(s.mean(), s.sd());
        }
        double angle = draws.uniform(MIN_ANGLE, MAX_ANGLE);
        return transform(chw, level, layer, angle);
    }

    /** The deterministic part, given the normal layer and the blur angle. */
    byte[] transform(byte[] chw, int level, double[] normalLayer, double angleDegrees) {
        Setting s = SETTINGS[level];
        int side = geometry.height();
        int n = geometry.planeSize();
        double[] zoomed = new ClippedZoom(side, s.zoom()).apply(normalLayer, 0);
        int[] flakes = new int[n];
        for (int i = 0; i < n; i++) {
            double v = zoomed[i] < s.threshold() ? 0 : zoomed[i];
            flakes[i] = (int) (Pixels.clip(v, 1) * 255);
        }
        int[] blurred = new ImageMagickMotionBlur(s.radius(), s.blurSigma(), angleDegrees).apply(flakes, 0, side, side);
        float[] x = Pixels.unitFloat(chw);
        float[] gray = gray(x);
        float blend = (float) s.blend();
        float rest = (float) (1 - s.blend());
        double[] out = new double[x.length];
        for (int c = 0; c < geometry.channels(); c++) {
            for (int i = 0; i < n; i++) {
                float v = x[c * n + i];
                float bright = blend * v + rest * Math.max(v, gray[i] * 1.5f + 0.5f);
                int mirrored = n - 1 - i;
                out[c * n + i] = bright + blurred[i] / 255. + blurred[mirrored] / 255.;
            }
        }
        return Pixels.fromUnit(out);
    }

    private float[] gray(float[] x) {
        int n = geometry.planeSize();
        if (geometry.channels() == 1) {
            return x;
        }
        float[] gray = new float[n];
        for (int i = 0; i < n; i++) {
            gray[i] = x[i] * 0.299f + x[n + i] * 0.587f + x[2 * n + i] * 0.114f;
        }
        return gray;
    }
}
