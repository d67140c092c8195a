package org.plasticity.datasets.corruption;

/**
 * The reference's glass blur: Gaussian blur (σ; scikit-image: border {@code nearest}, truncate 4)
 * → uint8 (truncated); then {@code iterations} times, for h = S−δ down to δ+1 and w likewise,
 * {@code (dx, dy) = randint(−δ, δ)} (upper bound exclusive, so in −δ..δ−1) and pixel (h, w) takes
 * the value of pixel (h + dy, w + dx); then the same blur again. The reference writes this as a
 * swap, but on an HWC numpy array {@code x[h, w]} is a view, so the second half of the swap copies
 * the new value back and the net effect is the one-way copy done here (checked with numpy; a
 * grey image is treated as H×W×1, the same). (σ, δ, iterations) = (0.05, 1, 1), (0.25, 1, 1),
 * (0.4, 1, 1), (0.25, 1, 2), (0.4, 1, 2).
 */
final class GlassBlur implements ImageCorruption {

    private static final double[] SIGMA = {0.05, 0.25, 0.4, 0.25, 0.4};
    private static final int[] DELTA = {1, 1, 1, 1, 1};
    private static final int[] ITERATIONS = {1, 1, 1, 2, 2};
    private static final double TRUNCATE = 4.0;

    private final ImageGeometry geometry;

    GlassBlur(ImageGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public byte[] apply(byte[] chw, int level, Draws draws) {
        return transform(chw, level, drawOffsets(level, draws));
    }

    /** @return the (dx, dy) pairs in the order the loops use them */
    int[] drawOffsets(int level, Draws draws) {
        int delta = DELTA[level];
        int perSide = geometry.height() - 2 * delta;
        int[] offsets = new int[ITERATIONS[level] * perSide * perSide * 2];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = draws.integer(-delta, delta);
        }
        return offsets;
    }

    /** The deterministic part: blur, truncate, shuffle with the given offsets, blur. */
    byte[] transform(byte[] chw, int level, int[] offsets) {
        GaussianFilter blur = new GaussianFilter(SIGMA[level], TRUNCATE, Border.NEAREST);
        int side = geometry.height();
        int n = geometry.planeSize();
        int delta = DELTA[level];
        double[] first = blurPlanes(blur, Pixels.unit(chw));
        double[] shuffled = new double[first.length];
        for (int i = 0; i < first.length; i++) {
            shuffled[i] = (int) (first[i] * 255) / 255.0;
        }
        int k = 0;
        for (int it = 0; it < ITERATIONS[level]; it++) {
            for (int h = side - delta; h > delta; h--) {
                for (int w = side - delta; w > delta; w--) {
                    int dx = offsets[k++];
                    int dy = offsets[k++];
                    for (int c = 0; c < geometry.channels(); c++) {
                        shuffled[c * n + h * side + w] = shuffled[c * n + (h + dy) * side + w + dx];
                    }
                }
            }
        }
        return Pixels.fromUnit(blurPlanes(blur, shuffled));
    }

    private double[] blurPlanes(GaussianFilter blur, double[] x) {
        int n = geometry.planeSize();
        double[] out = new double[x.length];
        for (int c = 0; c < geometry.channels(); c++) {
            System.arraycopy(blur.apply(x, c * n, geometry.height(), geometry.width()), 0, out, c * n, n);
        }
        return out;
    }
}
