package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The numerical building blocks against hand computations. */
class HelpersTest {

    @Test
    void numpyArangeGivesSevenToTwentySixZoomFactors() {
        int[] counts = {7, 12, 16, 21, 26};
        double[] stops = {1.06, 1.11, 1.16, 1.21, 1.26};
        for (int i = 0; i < 5; i++) {
            assertEquals(counts[i], ZoomFactors.arange(1, stops[i], 0.01).length, "stop " + stops[i]);
        }
        double[] z = ZoomFactors.arange(1, 1.26, 0.01);
        assertEquals(1.0, z[0]);
        assertEquals(1.01, z[1]);
        assertEquals(1 + 25 * (1.01 - 1), z[25]);
    }

    @Test
    void clippedZoomByTwoInterpolatesTheCentreCrop() {
        // S = 4, z = 2: crop rows/cols 1..2, zoomed to 4 with coordinates k/3; v = 10·row + col is linear
        double[] plane = new double[16];
        for (int i = 0; i < 16; i++) {
            plane[i] = 10 * (i / 4) + i % 4;
        }
        double[] out = new ClippedZoom(4, 2).apply(plane, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(11 + (10 * y + x) / 3.0, out[y * 4 + x], 1e-12);
            }
        }
        assertArrayEquals(plane, new ClippedZoom(4, 1).apply(plane, 0));
    }

    @Test
    void gaussianFilterOfAnImpulseIsTheOuterProductOfTheKernel() {
        double[] plane = new double[81];
        plane[40] = 1;
        double[] out = new GaussianFilter(1, 3, Border.REFLECT).apply(plane, 0, 9, 9);
        double sum = 0;
        for (int d = -3; d <= 3; d++) {
            sum += Math.exp(-d * d / 2.0);
        }
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 9; x++) {
                int dy = y - 4;
                int dx = x - 4;
                double w = Math.abs(dy) <= 3 && Math.abs(dx) <= 3 ? Math.exp(-(dy * dy + dx * dx) / 2.0) / (sum * sum) : 0;
                assertEquals(w, out[y * 9 + x], 1e-15);
            }
        }
        assertEquals(3, new GaussianFilter(1, 3, Border.REFLECT).radius());
        assertEquals(0, new GaussianFilter(0.05, 4, Border.NEAREST).radius(), "int(4·0.05 + 0.5) = 0");
        assertEquals(2, new GaussianFilter(0.4, 4, Border.NEAREST).radius(), "int(4·0.4 + 0.5) = 2");
    }

    @Test
    void bordersFoldIndicesAsTheirLibrariesDo() {
        int[] reflect = new int[9];
        int[] reflect101 = new int[9];
        int[] nearest = new int[9];
        for (int i = -3; i <= 5; i++) {
            reflect[i + 3] = Border.REFLECT.index(i, 3);
            reflect101[i + 3] = Border.REFLECT_101.index(i, 3);
            nearest[i + 3] = Border.NEAREST.index(i, 3);
        }
        assertArrayEquals(new int[] {2, 1, 0, 0, 1, 2, 2, 1, 0}, reflect);
        assertArrayEquals(new int[] {1, 2, 1, 0, 1, 2, 1, 0, 1}, reflect101);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2, 2, 2, 2}, nearest);
    }

    @Test
    void boxResizeAveragesPillowsBoxes() {
        // 4 → 2: boxes {0,1}, {2,3}; 3 → 2: Pillow's boxes are {0,1} and {2}; 2 → 3: nearest, {0}, {1}, {1}
        assertArrayEquals(new int[] {15, 35}, BoxResize.resize(new int[] {10, 20, 30, 40}, 1, 4, 1, 2));
        assertArrayEquals(new int[] {16, 30}, BoxResize.resize(new int[] {10, 21, 30}, 1, 3, 1, 2), "15.5 rounds up");
        assertArrayEquals(new int[] {7, 9, 9}, BoxResize.resize(new int[] {7, 9}, 1, 2, 1, 3));
        assertArrayEquals(new int[] {25}, BoxResize.resize(new int[] {10, 20, 30, 40}, 2, 2, 1, 1));
    }

    @Test
    void hsvMatchesTheColourWheel() {
        assertArrayEquals(new double[] {0, 1, 1}, Hsv.fromRgb(1, 0, 0));
        assertArrayEquals(new double[] {1.0 / 3, 1, 1}, Hsv.fromRgb(0, 1, 0), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 1, 1}, Hsv.fromRgb(0, 0, 1), 1e-15);
        assertArrayEquals(new double[] {5.0 / 6, 1, 1}, Hsv.fromRgb(1, 0, 1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.4}, Hsv.fromRgb(0.4, 0.4, 0.4));
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double[] rgb = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] hsv = Hsv.fromRgb(rgb[0], rgb[1], rgb[2]);
            assertArrayEquals(rgb, Hsv.toRgb(hsv[0], hsv[1], hsv[2]), 1e-12);
        }
    }

    @Test
    void motionBlurSpreadsAPixelAlongTheAngleWithGaussianTaps() {
        int side = 16;
        int[] plane = new int[side * side];
        plane[5 * side + 10] = 255;
        double norm = 0;
        for (int i = 0; i < 5; i++) {
            norm += Math.exp(-i * i / 2.0);
        }
        int[] horizontal = new ImageMagickMotionBlur(2, 1, 0).apply(plane, 0, side, side);
        int[] vertical = new ImageMagickMotionBlur(2, 1, 90).apply(plane, 0, side, side);
        for (int i = 0; i < 5; i++) {
            int expected = (int) (Math.floor(257 * 255 * Math.exp(-i * i / 2.0) / norm + 0.5) / 257);
            assertEquals(expected, horizontal[5 * side + 10 - i], "tap " + i + " at angle 0 reads x + i");
            assertEquals(expected, vertical[(5 - i) * side + 10], "tap " + i + " at angle 90 reads y + i");
        }
        assertEquals(0, horizontal[5 * side + 11]);
        assertEquals(0, vertical[6 * side + 10]);
    }

    @Test
    void affineWarpByIntegerShiftsMovesPixelsWithReflect101Borders() {
        double[] shift = AffineWarp.transformFromPoints(new float[] {0, 0, 1, 0, 0, 1}, new float[] {2, 1, 3, 1, 2, 2});
        assertArrayEquals(new double[] {1, 0, 2, 0, 1, 1}, shift, 1e-12);
        int n = 6;
        float[] plane = new float[n * n];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = i;
        }
        float[] out = AffineWarp.warp(plane, 1, n, n, shift);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int sy = Border.REFLECT_101.index(y - 1, n);
                int sx = Border.REFLECT_101.index(x - 2, n);
                assertEquals(plane[sy * n + sx], out[y * n + x], "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void plasmaIsNormalisedAndTheMapSizeAPowerOfTwo() {
        double[] p = PlasmaFractal.generate(32, 2, new Draws(new SplittableRandom(1)));
        double min = 1;
        double max = 0;
        for (double v : p) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0, min);
        assertEquals(1, max);
        assertEquals(32, PlasmaFractal.mapSize(28));
        assertEquals(32, PlasmaFractal.mapSize(32));
        assertEquals(64, PlasmaFractal.mapSize(33));
    }

    @Test
    void linearResizeByAFifthPicksEveryFifthPixelFromTheThird() {
        int h = 20;
        int w = 25;
        int[] src = new int[h * w];
        for (int i = 0; i < src.length; i++) {
            src[i] = (i * 7) % 256;
        }
        int[] out = LinearResize.resize(src, h, w, 0.2);
        assertEquals(4 * 5, out.length);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(src[(5 * y + 2) * w + 5 * x + 2], out[y * 5 + x]);
            }
        }
    }
}
