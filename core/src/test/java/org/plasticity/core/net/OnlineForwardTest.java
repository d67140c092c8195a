package org.plasticity.core.net;

import org.plasticity.core.layer.ErrorRoute;
import org.plasticity.core.layer.LinearLayer;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.neuron.OnlineLif;
import org.plasticity.core.neuron.Surrogates;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OTTT's closed forms: the weight gradient is gᵀ·â, and the membrane carries no gradient through time. */
class OnlineForwardTest extends EngineFixture {
    private final Random random = new Random(4);

    private float[] values(int n, boolean binary) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = binary ? (random.nextBoolean() ? 1f : 0f) : (float) random.nextGaussian();
        }
        return v;
    }

    @Test
    void weightGradientComesFromTheTraceAndInputGradientThroughTheRoute() {
        int b = 3, in = 6, out = 4;
        float[] s = values(b * in, true);
        float[] trace = values(b * in, false);
        float[] r = values(b * out, false);
        for (ErrorRoute route : List.of(ErrorRoute.backprop(),
                ErrorRoute.feedbackAlignment(in, out, manager, new SplittableRandom(3)), ErrorRoute.signSymmetric(in, c))) {
            LinearLayer layer = new LinearLayer("fc", in, out, true, manager, new SplittableRandom(2));
            layer.setErrorRoute(route);
            try (StepScope scope = StepScope.open()) {
                NDArray spikes = manager.create(s, new Shape(b, in));
                spikes.setRequiresGradient(true);
                NDArray value;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    value = layer.applyWithTrace(spikes.mul(c.of(1)), manager.create(trace, new Shape(b, in)));
                    gc.backward(value.mul(manager.create(r, new Shape(b, out))).sum());
                    layer.completeGradients();
                }
                float[] w = layer.weight().value().toFloatArray();
                float[] bias = layer.bias().value().toFloatArray();
                NDArray f = route.feedback(layer.weight().value());
                float[] fb = f == null ? w : f.toFloatArray();
                float[] dw = layer.weight().gradient().toFloatArray();
                float[] ds = spikes.getGradient().toFloatArray();
                float[] v = value.toFloatArray();
                for (int o = 0; o < out; o++) {
                    for (int k = 0; k < in; k++) {
                        double expected = 0;
                        for (int n = 0; n < b; n++) {
                            expected += r[n * out + o] * trace[n * in + k];
                        }
                        assertEquals(expected, dw[o * in + k], 1e-5, route.name() + " dW = gᵀ·â");
                    }
                }
                for (int n = 0; n < b; n++) {
                    for (int o = 0; o < out; o++) {
                        double expected = bias[o];
                        for (int k = 0; k < in; k++) {
                            expected += s[n * in + k] * w[o * in + k];
                        }
                        assertEquals(expected, v[n * out + o], 1e-5, route.name() + " value = s·Wᵀ + b");
                    }
                    for (int k = 0; k < in; k++) {
                        double expected = 0;
                        for (int o = 0; o < out; o++) {
                            expected += r[n * out + o] * fb[o * in + k];
                        }
                        assertEquals(expected, ds[n * in + k], 1e-5, route.name() + " ds = g·F");
                    }
                }
            }
        }
    }

    @Test
    void membraneCarriesNoGradientThroughTimeAndTheTraceDecays() {
        OnlineLif lif = new OnlineLif(2, 1, Surrogates.create("sigmoid", 4, c), c);
        try (StepScope scope = StepScope.open()) {
            NDArray c1 = manager.create(new float[] {1.2f, 0.6f, 0.9f}, new Shape(1, 3));
            NDArray c2 = manager.create(new float[] {0.3f, 0.5f, 0.2f}, new Shape(1, 3));
            c1.setRequiresGradient(true);
            c2.setRequiresGradient(true);
            OnlineLif.State state = lif.start();
            NDArray s2;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray s1 = state.step(c1.mul(c.of(1)));
                assertArrayEquals(new float[] {1, 0, 0}, s1.toFloatArray(), 0f);
                s2 = state.step(c2.mul(c.of(1)));
                gc.backward(s2.sum());
            }
            // V2 = 0.5·V1 + X2: V1 = (0.2, 0.6, 0.9) after the reset, V2 = (0.4, 0.8, 0.65)
            assertArrayEquals(new float[] {0.4f, 0.8f, 0.65f}, state.membrane().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0, 0, 0}, s2.toFloatArray(), 0f);
            assertArrayEquals(new float[3], c1.getGradient().toFloatArray(), 0f, "no gradient through time");
            float[] g2 = c2.getGradient().toFloatArray();
            assertTrue(g2[0] > 0 && g2[1] > 0, "the current step's surrogate gradient flows");
            // trace: â1 = s1 = (1,0,0); â2 = 0.5·â1 + s2 = (0.5, 0, 0)
            assertArrayEquals(new float[] {0.5f, 0f, 0f}, state.trace().toFloatArray(), 1e-7f);
        }
    }
}
