package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inverted dropout: in TRAIN about p of each sample's units are zero, the same ones at every
 * step, and the rest are scaled by 1/(1 − p); otherwise the identity.
 */
class DropoutLayerTest extends EngineFixture {
    private static final int T = 4, B = 20, N = 100;
    private static final double P = 0.3;

    private static ForwardContext context(Mode mode, org.plasticity.core.tensor.Constants c) {
        return new ForwardContext(T, mode, c, LayerObserver.NONE, null);
    }

    /** Checks values ∈ {0, 1/(1−p)} per step [B, N] of all-ones input, steps identical; the fraction of zeros. */
    private static double check(float[] y, int steps) {
        float scale = (float) (1 / (1 - P));
        int zeros = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < B * N; i++) {
                float v = y[t * B * N + i];
                assertEquals(y[i], v, 0f, "step " + t + " uses the mask of step 0");
                assertTrue(v == 0f || Math.abs(v - scale) < 1e-6, "value " + v);
                if (t == 0 && v == 0f) {
                    zeros++;
                }
            }
        }
        return zeros / (double) (B * N);
    }

    @Test
    void trainDropsTheSameUnitsAtEveryStep() {
        for (DropoutLayer dropout : new DropoutLayer[] {new DropoutLayer("drop", P), new DropoutLayer("drop", P, manager)}) {
            try (StepScope scope = StepScope.open()) {
                NDArray x = manager.ones(new Shape(T * B, N));
                Activity out = dropout.forward(Activity.timeMajor(x), context(Mode.TRAIN, c));
                double zeros = check(out.value().toFloatArray(), T);
                // 2000 Bernoulli(0.3) draws: sd ≈ 0.01
                assertEquals(P, zeros, 0.05, "fraction dropped");
                // masks differ between samples
                float[] y = out.value().toFloatArray();
                boolean differ = false;
                for (int i = 0; i < N; i++) {
                    differ |= y[i] != y[N + i];
                }
                assertTrue(differ, "samples get their own masks");

                Activity fromStatic = dropout.forward(Activity.constant(manager.ones(new Shape(B, N))), context(Mode.TRAIN, c));
                assertTrue(fromStatic.isStatic(), "a per-sample mask keeps a static input static");
                assertEquals(P, check(fromStatic.value().toFloatArray(), 1), 0.05, "static fraction dropped");
            }
        }
    }

    @Test
    void evalAndAdaptAreTheIdentity() {
        DropoutLayer dropout = new DropoutLayer("drop", P);
        try (StepScope scope = StepScope.open()) {
            Activity in = Activity.timeMajor(manager.ones(new Shape(T * B, N)));
            assertSame(in, dropout.forward(in, context(Mode.EVAL, c)));
            assertSame(in, dropout.forward(in, context(Mode.ADAPT, c)));
        }
    }
}
