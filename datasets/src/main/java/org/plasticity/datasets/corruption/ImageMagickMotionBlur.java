package org.plasticity.datasets.corruption;

/**
 * A re-implementation of ImageMagick's {@code MotionBlurImage(radius, sigma, angle)} (ImageMagick
 * itself is not run). As in ImageMagick's effect.c: the kernel has
 * {@code n = 2·ceil(radius) + 1} taps {@code k_i ∝ exp(−i²/(2σ²))}, i = 0..n−1, normalised to sum
 * 1; tap i reads the pixel at offset {@code (ceil(i·cos θ − ½), ceil(i·sin θ − ½))} (x right, y
 * down), so the blur trails on one side only; pixels outside the image repeat the edge. The sum
 * is taken on the 16-bit quantum scale ({@code 257·v}) in double, rounded to a 16-bit quantum
 * {@code q = int(s + 0.5)} and written as 8 bits {@code q / 257} (integer division), which is what
 * ImageMagick 6.9.11 Q16 gives for 8-bit PNGs (identical on every value in our checks of
 * {@code convert -motion-blur}).
 */
final class ImageMagickMotionBlur {

    private final double[] kernel;
    private final int[] dx;
    private final int[] dy;

    /**
     * @param radius the radius in pixels, not counting the centre
     * @param sigma the Gaussian's standard deviation in pixels
     * @param angleDegrees the blur direction
     */
    ImageMagickMotionBlur(double radius, double sigma, double angleDegrees) {
        int width = (int) (2.0 * Math.ceil(radius) + 1.0);
        kernel = new double[width];
        double normalize = 0;
        for (int i = 0; i < width; i++) {
            kernel[i] = Math.exp(-((double) i * i) / (2.0 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
            normalize += kernel[i];
        }
        for (int i = 0; i < width; i++) {
            kernel[i] /= normalize;
        }
        double radians = Math.PI * angleDegrees / 180.0;
        double px = width * Math.sin(radians);
        double py = width * Math.cos(radians);
        double length = Math.hypot(px, py);
        dx = new int[width];
        dy = new int[width];
        for (int i = 0; i < width; i++) {
            dx[i] = (int) Math.ceil(i * py / length - 0.5);
            dy[i] = (int) Math.ceil(i * px / length - 0.5);
        }
    }

    /**
     * @param plane uint8 values (as 0..255 ints) starting at {@code offset}, row-major
     * @param offset start of the plane
     * @param height rows
     * @param width columns
     * @return the blurred plane, 0..255
     */
    int[] apply(int[] plane, int offset, int height, int width) {
        int[] out = new int[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double acc = 0;
                for (int i = 0; i < kernel.length; i++) {
                    int sx = Border.NEAREST.index(x + dx[i], width);
                    int sy = Border.NEAREST.index(y + dy[i], height);
                    acc += kernel[i] * (257.0 * plane[offset + sy * width + sx]);
                }
                long quantum = (long) (Pixels.clip(acc, 65535) + 0.5);
                out[y * width + x] = (int) (quantum / 257);
            }
        }
        return out;
    }
}
