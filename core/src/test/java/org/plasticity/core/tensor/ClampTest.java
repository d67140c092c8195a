package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClampTest extends EngineFixture {
    @Test
    void clampEqualsTheEnginesClipBitForBit() {
        float[] x = new float[10_000];
        Random rnd = new Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 20);
        }
        // the edges: both bounds and their float neighbours, signed zeros, subnormals, the extremes, infinities
        float[] edges = {10f, -10f, Math.nextUp(10f), Math.nextDown(10f), Math.nextUp(-10f), Math.nextDown(-10f),
            0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        System.arraycopy(edges, 0, x, 0, edges.length);
        try (StepScope scope = StepScope.open()) {
            NDArray values = manager.create(x, new Shape(100, 100));
            for (double bound : new double[] {10, 0.1, 1e-3}) {
                float[] expected = values.clip(-bound, bound).toFloatArray();
                float[] actual = Clamp.between(values, c.of(-bound), c.of(bound)).toFloatArray();
                for (int i = 0; i < x.length; i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                            "x = " + x[i] + ", bound " + bound);
                }
            }
            float[] unit = Clamp.between(values, c.of(0), c.of(1)).toFloatArray();
            assertArrayEquals(values.clip(0, 1).toFloatArray(), unit, 0f);
        }
    }

    @Test
    void notANumberStaysNotANumber() {
        try (StepScope scope = StepScope.open()) {
            NDArray values = manager.create(new float[] {Float.NaN, 3f, -3f}, new Shape(3));
            float[] clamped = Clamp.between(values, c.of(-1), c.of(1)).toFloatArray();
            assertTrue(Float.isNaN(clamped[0]));
            assertArrayEquals(new float[] {1f, -1f}, new float[] {clamped[1], clamped[2]}, 0f);
        }
    }
}
