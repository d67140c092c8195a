package org.plasticity.datasets.corruption;

/**
 * The reference's {@code disk(radius, alias_blur)} for radii ≤ 8, in float32 like the reference:
 * on the grid {@code L = −8..8} the indicator {@code X² + Y² ≤ r²} divided by its count, then
 * OpenCV's {@code GaussianBlur} with a 3×3 kernel and σ = alias_blur (border
 * {@code REFLECT_101}). The 3-tap Gaussian is OpenCV 4's: {@code t = exp(−1/(2σ²))},
 * {@code k_side = t/(1 + 2t)}, {@code k_centre = 1/(1 + 2t)} in double, stored as float; each
 * separable pass computes {@code centre·k_centre + (left + right)·k_side} in float (OpenCV's
 * small symmetric filter, without fused multiply-add). The result is returned cropped to its
 * non-zero support, which is exact because every entry outside it is 0.
 */
final class DiskKernel {

    private static final int GRID_RADIUS = 8;

    private DiskKernel() {}

    /**
     * @param radius the disk radius, ≤ 8
     * @param aliasBlur the Gaussian σ
     * @return a square kernel of odd side, row-major, centred
     */
    static double[] of(double radius, double aliasBlur) {
        if (radius > GRID_RADIUS) {
            throw new IllegalArgumentException("disk radius " + radius + " > 8 is not supported");
        }
        int n = 2 * GRID_RADIUS + 1;
        float[] disk = new float[n * n];
        int count = 0;
        for (int y = -GRID_RADIUS; y <= GRID_RADIUS; y++) {
            for (int x = -GRID_RADIUS; x <= GRID_RADIUS; x++) {
                if (x * x + y * y <= radius * radius) {
                    disk[(y + GRID_RADIUS) * n + x + GRID_RADIUS] = 1f;
                    count++;
                }
            }
        }
        float total = count;
        for (int i = 0; i < disk.length; i++) {
            disk[i] /= total;
        }
        double t = Math.exp(4.0 * (-0.125 / (aliasBlur * aliasBlur)));
        double sum = t * 2 + 1;
        double inverse = 1 / sum;
        float side = (float) (t * inverse);
        float centre = (float) inverse;
        float[] blurred = symmetricPass(symmetricPass(disk, n, centre, side, true), n, centre, side, false);
        return cropToSupport(blurred, n);
    }

    private static float[] symmetricPass(float[] src, int n, float centre, float side, boolean alongRows) {
        float[] out = new float[src.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float before = alongRows
                        ? src[y * n + Border.REFLECT_101.index(x - 1, n)]
                        : src[Border.REFLECT_101.index(y - 1, n) * n + x];
                float after = alongRows
                        ? src[y * n + Border.REFLECT_101.index(x + 1, n)]
                        : src[Border.REFLECT_101.index(y + 1, n) * n + x];
                out[y * n + x] = src[y * n + x] * centre + (before + after) * side;
            }
        }
        return out;
    }

    private static double[] cropToSupport(float[] kernel, int n) {
        int c = GRID_RADIUS;
        int reach = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (kernel[y * n + x] != 0) {
                    reach = Math.max(reach, Math.max(Math.abs(y - c), Math.abs(x - c)));
                }
            }
        }
        int m = 2 * reach + 1;
        double[] cropped = new double[m * m];
        for (int y = 0; y < m; y++) {
            for (int x = 0; x < m; x++) {
                cropped[y * m + x] = kernel[(y + c - reach) * n + x + c - reach];
            }
        }
        return cropped;
    }
}
