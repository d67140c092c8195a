package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Deterministic corruptions against hand computations of the reference's formulas. */
class ClosedFormCorruptionTest {

    private static final double[] CONTRAST = {0.75, 0.5, 0.4, 0.3, 0.15};
    private static final double[] BRIGHTNESS = {0.05, 0.1, 0.15, 0.2, 0.3};

    private static byte[] apply(ImageGeometry g, Corruption c, int severity, byte[] image) {
        return new Corruptor(g).apply(c, severity, image, new SplittableRandom(0));
    }

    @Test
    void contrastIsXMinusMeanTimesCPlusMean() {
        ImageGeometry g = TestImages.GREY_28;
        byte[] image = new byte[g.imageSize()];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i % 2 == 0 ? 0 : 255);     // mean exactly 0.5
        }
        for (int s = 1; s <= 5; s++) {
            byte[] out = apply(g, Corruption.CONTRAST, s, image);
            int dark = (int) ((0 - 0.5) * CONTRAST[s - 1] * 255 + 0.5 * 255);
            int light = (int) (((1 - 0.5) * CONTRAST[s - 1] + 0.5) * 255);
            for (int i = 0; i < out.length; i++) {
                assertEquals(i % 2 == 0 ? dark : light, out[i] & 0xFF, "severity " + s + " value " + i);
            }
        }
        assertEquals(31, (int) ((0 - 0.5) * 0.75 * 255 + 0.5 * 255), "0.125·255 truncates to 31");
    }

    @Test
    void contrastUsesEachChannelsOwnMean() {
        ImageGeometry g = TestImages.RGB_32;
        byte[] image = new byte[g.imageSize()];
        int n = g.planeSize();
        for (int i = 0; i < n; i++) {
            image[i] = (byte) (i < n / 4 ? 255 : 0);      // mean 0.25
            image[n + i] = (byte) 255;                    // mean 1
            image[2 * n + i] = (byte) (i % 2 == 0 ? 64 : 192);
        }
        byte[] out = apply(g, Corruption.CONTRAST, 3, image);
        double c = CONTRAST[2];
        for (int ch = 0; ch < 3; ch++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += (image[ch * n + i] & 0xFF) / 255.0;
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double x = (image[ch * n + i] & 0xFF) / 255.0;
                assertEquals((int) (Math.min(1, Math.max(0, (x - mean) * c + mean)) * 255), out[ch * n + i] & 0xFF);
            }
        }
    }

    @Test
    void brightnessShiftsTheGreyValueByCExactly() {
        ImageGeometry g = TestImages.GREY_28;
        byte[] image = new byte[g.imageSize()];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i % 256);
        }
        for (int s = 1; s <= 5; s++) {
            byte[] out = apply(g, Corruption.BRIGHTNESS, s, image);
            for (int i = 0; i < out.length; i++) {
                int expected = (int) (Math.min(1, (i % 256) / 255.0 + BRIGHTNESS[s - 1]) * 255);
                assertEquals(expected, out[i] & 0xFF, "severity " + s + " value " + (i % 256));
            }
        }
    }

    @Test
    void brightnessKeepsHueAndSaturationOfAColour() {
        // (200, 100, 50): V = 200/255, S = 0.75, H = 1/18, so the pixel is V·(1, 0.5, 0.25)
        ImageGeometry g = TestImages.RGB_32;
        int n = g.planeSize();
        byte[] image = new byte[g.imageSize()];
        for (int i = 0; i < n; i++) {
            image[i] = (byte) 200;
            image[n + i] = (byte) 100;
            image[2 * n + i] = (byte) 50;
        }
        for (int s = 1; s <= 5; s++) {
            byte[] out = apply(g, Corruption.BRIGHTNESS, s, image);
            double v = Math.min(1, 200 / 255.0 + BRIGHTNESS[s - 1]);
            assertEquals((int) (v * 255), out[0] & 0xFF, "red at severity " + s);
            assertEquals((int) (v * 0.5 * 255), out[n] & 0xFF, "green at severity " + s);
            assertEquals((int) (v * 0.25 * 255), out[2 * n] & 0xFF, "blue at severity " + s);
        }
    }

    @Test
    void defocusOfAnImpulseIsTheDiskKernel() {
        double[][] radiusAlias = {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}};
        ImageGeometry g = TestImages.GREY_28;
        byte[] image = new byte[g.imageSize()];
        int c = 14;
        image[c * 28 + c] = (byte) 255;
        for (int s = 1; s <= 5; s++) {
            double[][] kernel = handDisk(radiusAlias[s - 1][0], radiusAlias[s - 1][1]);
            byte[] out = apply(g, Corruption.DEFOCUS_BLUR, s, image);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int dy = y - c;
                    int dx = x - c;
                    double k = 255 * (Math.abs(dy) <= 2 && Math.abs(dx) <= 2 ? kernel[dy + 2][dx + 2] : 0);
                    int got = out[y * 28 + x] & 0xFF;
                    // the kernel is float32 like the reference's: a value within 1e-4 of an integer may land on it
                    boolean nearInteger = Math.abs(k - Math.rint(k)) < 1e-4;
                    assertTrue(got == (int) k || (nearInteger && got == (int) Math.rint(k)),
                            "severity " + s + " at " + dy + "," + dx + ": " + got + " for 255·k = " + k);
                }
            }
        }
    }

    /** The disk {X² + Y² ≤ r²}/count blurred by the 3-tap Gaussian [t, 1, t]/(1 + 2t), t = exp(−1/(2σ²)). */
    private static double[][] handDisk(double r, double sigma) {
        double t = Math.exp(-1 / (2 * sigma * sigma));
        double[] gauss = {t / (1 + 2 * t), 1 / (1 + 2 * t), t / (1 + 2 * t)};
        double[][] disk = new double[5][5];
        int count = 0;
        for (int y = -1; y <= 1; y++) {
            for (int x = -1; x <= 1; x++) {
                if (x * x + y * y <= r * r) {
                    disk[y + 2][x + 2] = 1;
                    count++;
                }
            }
        }
        double[][] k = new double[5][5];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                for (int i = -1; i <= 1; i++) {
                    for (int j = -1; j <= 1; j++) {
                        k[y + i][x + j] += disk[y][x] / count * gauss[i + 1] * gauss[j + 1];
                    }
                }
            }
        }
        return k;
    }

    @Test
    void zoomBlurOfAConstantImageIsConstant() {
        for (ImageGeometry g : new ImageGeometry[] {TestImages.GREY_28, TestImages.RGB_32}) {
            for (int v : new int[] {0, 1, 77, 128, 200, 254, 255}) {
                for (int s = 1; s <= 5; s++) {
                    byte[] out = apply(g, Corruption.ZOOM_BLUR, s, TestImages.constant(g, v));
                    for (byte b : out) {
                        assertEquals(out[0], b, "value " + v + " severity " + s);
                    }
                    assertTrue(Math.abs((out[0] & 0xFF) - v) <= 1, "value " + v + " became " + (out[0] & 0xFF));
                }
            }
        }
    }

    @Test
    void pixelateOfAConstantImageIsTheImage() {
        for (ImageGeometry g : new ImageGeometry[] {TestImages.GREY_28, TestImages.RGB_32}) {
            byte[] image = TestImages.constant(g, 93);
            for (int s = 1; s <= 5; s++) {
                assertArrayEquals(image, apply(g, Corruption.PIXELATE, s, image));
            }
        }
    }

    @Test
    void pixelateIsBoxDownThenBoxUpPerChannel() {
        ImageGeometry g = TestImages.GREY_28;
        byte[] image = TestImages.natural(g, 5);
        int[] plane = new int[g.planeSize()];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = image[i] & 0xFF;
        }
        int[] hand = BoxResize.resize(BoxResize.resize(plane, 28, 28, 18, 18), 18, 18, 28, 28);
        byte[] out = apply(g, Corruption.PIXELATE, 5, image);
        for (int i = 0; i < hand.length; i++) {
            assertEquals(hand[i], out[i] & 0xFF);
        }
    }

    @Test
    void jpegAtQuality40ChangesTheImageAndKeepsItsSize() {
        for (ImageGeometry g : new ImageGeometry[] {TestImages.GREY_28, TestImages.RGB_32}) {
            byte[] image = TestImages.natural(g, 8);
            byte[] out = apply(g, Corruption.JPEG_COMPRESSION, 5, image);
            assertEquals(image.length, out.length);
            assertFalse(java.util.Arrays.equals(image, out));
            double change = TestImages.meanAbsoluteChange(image, out);
            assertTrue(change > 0.5 && change < 20, "mean change " + change);
        }
    }
}
