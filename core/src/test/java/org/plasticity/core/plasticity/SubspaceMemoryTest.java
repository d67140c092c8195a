package org.plasticity.core.plasticity;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Updates and projections keep the number of live tensors flat. */
class SubspaceMemoryTest extends EngineFixture {
    private int live() {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    private static void step(HebbianSubspace sub, NDArray x, NDArray g, HebbianSettings s) {
        try (StepScope scope = StepScope.open()) {
            sub.update(x.duplicate(), s);
            sub.project(g.duplicate(), true);
        }
    }

    @Test
    void twoHundredUpdateAndProjectCallsLeaveTheArrayCountUnchanged() {
        Random rnd = new Random(9);
        NDArray x = Dense.toTensor(Dense.gaussian(16, 10, rnd, 1), manager);
        NDArray g = Dense.toTensor(Dense.gaussian(6, 10, rnd, 1), manager);
        HebbianSettings s = new HebbianSettings(0.01, 5, 0.9, 10, new LateralQuantizer(20, 40));
        try (HebbianSubspace sub = new HebbianSubspace(manager, 10, new LateralQuantizer(20, 40))) {
            sub.addNeurons(3, 1);
            sub.merge();
            sub.addNeurons(2, 2);
            step(sub, x, g, s); // warm-up: the constants are created once
            int before = live();
            for (int i = 0; i < 200; i++) {
                step(sub, x, g, s);
            }
            assertEquals(before, live());
            try (StepScope scope = StepScope.open()) {
                sub.merge();
                sub.addNeurons(4, 3);
                sub.restore(sub.weights(), sub.momentum(), 5);
            }
            assertEquals(before, live(), "growing or restoring replaces the state instead of adding to it");
            assertEquals(new Shape(9, 10), sub.weights().getShape());
        }
    }
}
