package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.core.tensor.TorchRuntime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncoderTest extends EngineFixture {
    @Test
    void directEncodingIsTheInputAtEveryStep() {
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(new float[] {0.5f, -1f}, new Shape(1, 2));
            EncodedInput in = new DirectEncoder().encode(x, 7);
            assertTrue(in.isStatic());
            assertSame(x, in.staticInput());
        }
    }

    @Test
    void poissonFiresAtTheInputRateAndIsReproducibleFromTheSeed() {
        int steps = 4000;
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(new float[] {0f, 0.1f, 0.5f, 0.9f, 1f, 0.3f}, new Shape(2, 3));
            PoissonEncoder encoder = new PoissonEncoder(1.0, c);
            TorchRuntime.reseed(11);
            NDArray spikes = encoder.encode(x, steps).timeMajor();
            assertEquals(new Shape(steps * 2, 3), spikes.getShape());
            float[] rate = spikes.reshape(steps, 6).mean(new int[] {0}).toFloatArray();
            float[] expected = {0f, 0.1f, 0.5f, 0.9f, 1f, 0.3f};
            for (int i = 0; i < 6; i++) {
                assertEquals(expected[i], rate[i], 0.03f, "rate of input " + i);
            }
            TorchRuntime.reseed(11);
            assertArrayEquals(spikes.toFloatArray(), encoder.encode(x, steps).timeMajor().toFloatArray(), 0f);
        }
    }

    @Test
    void latencyFiresOnceBrighterEarlier() {
        int steps = 5;
        try (StepScope scope = StepScope.open()) {
            // fire step = round((1 - x) * (T - 1)): 1.0 -> 0, 0.5 -> 2, 0.26 -> 3, 0.0 never (threshold)
            NDArray x = manager.create(new float[] {1f, 0.5f, 0.26f, 0f}, new Shape(1, 4));
            float[] s = new LatencyEncoder(0.01, c).encode(x, steps).timeMajor().toFloatArray();
            int[] fireStep = {-1, -1, -1, -1};
            int[] count = new int[4];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < 4; i++) {
                    if (s[t * 4 + i] == 1f) {
                        fireStep[i] = t;
                        count[i]++;
                    }
                }
            }
            assertArrayEquals(new int[] {0, 2, 3, -1}, fireStep);
            assertArrayEquals(new int[] {1, 1, 1, 0}, count);
        }
    }
}
