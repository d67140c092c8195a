package org.plasticity.core.neuron;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StepTest extends EngineFixture {
    @Test
    void theFloatStepEqualsTheComparisonEverywhere() {
        float level = 0.09f;
        float[] x = new float[20_000];
        Random rnd = new Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 0.05 + level);
        }
        // the edges: the level itself, its float neighbours, signed zeros, the smallest subnormals, infinities
        float[] edges = {level, Math.nextUp(level), Math.nextDown(level), 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        System.arraycopy(edges, 0, x, 0, edges.length);
        try (StepScope scope = StepScope.open()) {
            NDArray values = manager.create(x, new Shape(x.length));
            for (float l : new float[] {level, 0f, -0f, Float.MIN_VALUE}) {
                NDArray at = manager.create(new float[] {l}, new Shape());
                float[] expected = values.gte(at).toType(DataType.FLOAT32, false).toFloatArray();
                assertArrayEquals(expected, Step.atLeast(values, at, c).toFloatArray(), 0f, "level " + l);
            }
        }
    }

    @Test
    void aSurrogateSpikeIsTheStepWithOrWithoutRecording() {
        Surrogate surrogate = Surrogates.create("sigmoid", 4.0, c);
        float[] x = {-1f, -0f, 0f, 1e-30f, 0.5f, 2f};
        try (StepScope scope = StepScope.open()) {
            NDArray v = manager.create(x, new Shape(x.length));
            float[] expected = {0, 1, 1, 1, 1, 1};
            float[] recorded;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                v.setRequiresGradient(true);
                NDArray s = surrogate.spike(v);
                recorded = s.toFloatArray();
                gc.backward(s.sum());
            }
            float[] slope = v.getGradient().toFloatArray();
            for (int i = 0; i < x.length; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(surrogate.derivative(x[i]), slope[i], 1e-6);
            }
            assertArrayEquals(expected, recorded, 0f);
            try (var g = Gradients.notRecording()) {
                assertArrayEquals(expected, surrogate.spike(manager.create(x, new Shape(x.length))).toFloatArray(), 0f);
            }
        }
    }
}
