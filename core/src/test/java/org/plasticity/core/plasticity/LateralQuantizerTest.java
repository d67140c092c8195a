package org.plasticity.core.plasticity;

import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The spiking lateral neurons' quantiser (hlop.md §2.3). */
class LateralQuantizerTest extends EngineFixture {
    @Test
    void roundsToStepsOfScaleOverTimestepsAndSaturates() {
        // s = 20, T = 40: step 0.5, saturation ±20
        LateralQuantizer q = new LateralQuantizer(20, 40);
        float[] in = {0f, 0.24f, 0.26f, 1.3f, -0.74f, -0.76f, 7.1f, 19.9f, 25f, -100f};
        float[] expected = {0f, 0f, 0.5f, 1.5f, -0.5f, -1f, 7f, 20f, 20f, -20f};
        try (StepScope scope = StepScope.open()) {
            assertArrayEquals(expected, q.apply(manager.create(in), c).toFloatArray(), 1e-6f);
        }
    }
}
