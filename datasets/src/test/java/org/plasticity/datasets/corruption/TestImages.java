package org.plasticity.datasets.corruption;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Images for the corruption tests, built in memory. */
final class TestImages {

    static final ImageGeometry GREY_28 = new ImageGeometry(1, 28, 28);
    static final ImageGeometry RGB_32 = new ImageGeometry(3, 32, 32);

    private TestImages() {}

    /**
     * A natural-looking image: per channel a slanted sinusoidal gradient, a bright disc and a dark
     * bar with soft edges, plus mild pixel noise; all from {@code seed}.
     */
    static byte[] natural(ImageGeometry g, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int s = g.height();
        byte[] img = new byte[g.imageSize()];
        for (int c = 0; c < g.channels(); c++) {
            double fx = 1 + 2 * r.nextDouble();
            double fy = 1 + 2 * r.nextDouble();
            double phase = 2 * Math.PI * r.nextDouble();
            double cx = s * (0.3 + 0.4 * r.nextDouble());
            double cy = s * (0.3 + 0.4 * r.nextDouble());
            double radius = s * (0.15 + 0.1 * r.nextDouble());
            int bar = (int) (s * (0.2 + 0.6 * r.nextDouble()));
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double v = 0.45 + 0.2 * Math.sin(2 * Math.PI * (fx * x + fy * y) / s + phase);
                    double d = Math.hypot(x - cx, y - cy);
                    v += 0.35 / (1 + Math.exp(2 * (d - radius)));
                    v -= 0.3 / (1 + Math.exp(2 * (Math.abs(x - bar) - 1.5)));
                    v += 0.03 * (r.nextDouble() - 0.5);
                    img[c * g.planeSize() + y * s + x] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
            }
        }
        return img;
    }

    /** @return an image whose every value is {@code value} */
    static byte[] constant(ImageGeometry g, int value) {
        byte[] img = new byte[g.imageSize()];
        Arrays.fill(img, (byte) value);
        return img;
    }

    /** @return {@code count} copies of {@code image} one after the other */
    static byte[] repeated(byte[] image, int count) {
        byte[] all = new byte[image.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(image, 0, all, i * image.length, image.length);
        }
        return all;
    }

    /** @return the mean of |a − b| over all values */
    static double meanAbsoluteChange(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / a.length;
    }
}
