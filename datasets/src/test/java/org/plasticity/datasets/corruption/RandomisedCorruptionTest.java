package org.plasticity.datasets.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stochastic corruptions against their deterministic part fed with the same random numbers. */
class RandomisedCorruptionTest {

    private static final double[][] FOG = {{0.2, 3}, {0.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}};

    @Test
    void fogOfAConstantImageFollowsThePlasmaMap() {
        for (ImageGeometry g : new ImageGeometry[] {TestImages.GREY_28, TestImages.RGB_32}) {
            int side = g.height();
            int v = 120;
            for (int s = 1; s <= 5; s++) {
                byte[] out = new Corruptor(g).apply(Corruption.FOG, s, TestImages.constant(g, v), new SplittableRandom(s));
                double[] plasma = PlasmaFractal.generate(32, FOG[s - 1][1], new Draws(new SplittableRandom(s)));
                double x = v / 255.0;
                double c0 = FOG[s - 1][0];
                for (int ch = 0; ch < g.channels(); ch++) {
                    for (int i = 0; i < g.planeSize(); i++) {
                        double p = plasma[(i / side) * 32 + i % side];
                        int expected = (int) (Math.min(1, (x + c0 * p) * x / (x + c0)) * 255);
                        assertEquals(expected, out[ch * g.planeSize() + i] & 0xFF, "severity " + s);
                    }
                }
                for (int i = 0; i < g.planeSize(); i++) {
                    for (int j = 0; j < g.planeSize(); j++) {
                        double pi = plasma[(i / side) * 32 + i % side];
                        double pj = plasma[(j / side) * 32 + j % side];
                        if (pi < pj) {
                            assertTrue((out[i] & 0xFF) <= (out[j] & 0xFF), "fog reorders values");
                        }
                    }
                }
            }
        }
    }

    @Test
    void elasticAtSeverityOneIsThePureAffineWarp() {
        for (ImageGeometry g : new ImageGeometry[] {TestImages.GREY_28, TestImages.RGB_32}) {
            ElasticTransform elastic = new ElasticTransform(g);
            assertEquals(0, elastic.parameters(0)[0]);
            for (long seed = 0; seed < 4; seed++) {
                byte[] image = TestImages.natural(g, seed);
                byte[] out = new Corruptor(g).apply(Corruption.ELASTIC_TRANSFORM, 1, image, new SplittableRandom(seed));
                double[] affine = elastic.randomAffine(0.08 * g.height(), new Draws(new SplittableRandom(seed)));
                byte[] warped = Pixels.fromUnit(AffineWarp.warp(Pixels.unitFloat(image), g.channels(), g.height(), g.width(), affine));
                assertArrayEquals(warped, out, g + " seed " + seed);
            }
        }
    }

    @Test
    void glassBlurIsItsTransformOfTheDrawnOffsets() {
        ImageGeometry g = TestImages.RGB_32;
        GlassBlur glass = new GlassBlur(g);
        byte[] image = TestImages.natural(g, 2);
        int[] offsets = glass.drawOffsets(4, new Draws(new SplittableRandom(9)));
        assertEquals(2 * 30 * 30 * 2, offsets.length, "two sweeps over h, w = 31..2");
        for (int o : offsets) {
            assertTrue(o == -1 || o == 0, "randint(-1, 1) is -1 or 0, got " + o);
        }
        assertArrayEquals(glass.transform(image, 4, offsets),
                new Corruptor(g).apply(Corruption.GLASS_BLUR, 5, image, new SplittableRandom(9)));
    }

    @Test
    void glassBlurWithZeroOffsetsAndTinySigmaIsTheIdentity() {
        ImageGeometry g = TestImages.GREY_28;
        byte[] image = TestImages.natural(g, 4);
        GlassBlur glass = new GlassBlur(g);
        int[] zeros = new int[glass.drawOffsets(0, new Draws(new SplittableRandom(1))).length];
        assertArrayEquals(image, glass.transform(image, 0, zeros), "sigma 0.05 has a one-tap kernel");
    }
}
