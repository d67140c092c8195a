package org.plasticity.core.layer;

import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-sample output shapes, and clear errors naming the layer for inputs that do not fit. */
class OutputShapeTest extends EngineFixture {
    private static void rejects(String name, Supplier<long[]> call, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
        assertTrue(e.getMessage().contains(name), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), e.getMessage() + " should mention " + m);
        }
    }

    @Test
    void shapesFlowThroughTheLayers() {
        Conv2dLayer conv = new Conv2dLayer(0, "conv1", 3, 8, 5, 2, 2, false, WeightInit.KAIMING_NORMAL_FAN_OUT,
                manager, new SplittableRandom(1));
        assertArrayEquals(new long[] {8, 16, 16}, conv.outputShape(new long[] {3, 32, 32}));
        assertArrayEquals(new long[] {8, 28, 28}, new Conv2dLayer(0, "c", 3, 8, 5, 1, 0, true,
                WeightInit.PYTORCH_DEFAULT, manager, new SplittableRandom(1)).outputShape(new long[] {3, 32, 32}));
        assertArrayEquals(new long[] {8, 8, 8}, Pool2dLayer.avg("p", 2, 2).outputShape(new long[] {8, 16, 16}));
        assertArrayEquals(new long[] {8, 7, 7}, Pool2dLayer.max("p", 3, 2).outputShape(new long[] {8, 16, 16}));
        assertArrayEquals(new long[] {8, 1, 1}, new AdaptiveAvgPool2dLayer("gap", 1, 1).outputShape(new long[] {8, 7, 5}));
        assertArrayEquals(new long[] {8, 2, 4}, new AdaptiveAvgPool2dLayer("ap", 2, 4).outputShape(new long[] {8, 8, 8}));
        assertArrayEquals(new long[] {392}, new FlattenLayer("flat").outputShape(new long[] {8, 7, 7}));
        assertArrayEquals(new long[] {8, 7, 7}, new BatchNormLayer("bn", 8, 0.1, 1e-5, manager).outputShape(new long[] {8, 7, 7}));
        assertArrayEquals(new long[] {8}, new BatchNormLayer("bn", 8, 0.1, 1e-5, manager).outputShape(new long[] {8}));
        assertArrayEquals(new long[] {8}, new DropoutLayer("drop", 0.5).outputShape(new long[] {8}));
        assertTrue(conv.signSymmetricScale() == Math.sqrt(2.0 / (25 * 8)));
        assertTrue(conv.fanIn() == 75 && conv.outputs() == 8);
    }

    @Test
    void unfitInputsAreRejectedNamingTheLayer() {
        Conv2dLayer conv = new Conv2dLayer(0, "conv1", 3, 8, 5, 1, 0, true, WeightInit.PYTORCH_DEFAULT, manager,
                new SplittableRandom(1));
        rejects("conv1", () -> conv.outputShape(new long[] {3, 4, 9}), "4×9", "5×5");
        rejects("conv1", () -> conv.outputShape(new long[] {1, 32, 32}), "3", "1");
        rejects("conv1", () -> conv.outputShape(new long[] {3 * 32 * 32}));
        rejects("pool1", () -> Pool2dLayer.max("pool1", 3, 2).outputShape(new long[] {8, 2, 2}), "2×2");
        rejects("pool2", () -> Pool2dLayer.avg("pool2", 2, 2).outputShape(new long[] {64}));
        rejects("gap", () -> new AdaptiveAvgPool2dLayer("gap", 2, 2).outputShape(new long[] {8, 7, 8}), "7×8");
        rejects("bn1", () -> new BatchNormLayer("bn1", 8, 0.1, 1e-5, manager).outputShape(new long[] {4, 7, 7}), "8");
        rejects("bn1", () -> new BatchNormLayer("bn1", 8, 0.1, 1e-5, manager).outputShape(new long[] {8, 7}));
    }
}
