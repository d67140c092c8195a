package org.plasticity.core.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OTTT's linear layer forms its weight gradient {@code gᵀ·â} from the trace after the backward pass: value, input,
 * bias and weight gradients are those of autograd's zero-valued bracket, bit for bit, over OTTT's backward pass per
 * timestep, for every error route.
 */
class DeferredWeightGradientTest extends EngineFixture {
    private static final int R = 6, IN = 10, OUT = 7, STEPS = 3;

    private final Random random = new Random(11);

    private record Grads(float[] value, float[] dx, float[] dw, float[] db) {
    }

    /**
     * OTTT's STEPS backward passes of {@code G_t⊙layer(x_t; â_t)}, each completed, accumulating the gradients; with
     * {@code apply} forming each application.
     */
    private Grads run(LinearLayer fc, float[][] spikes, float[][] traces, float[][] gs,
                      Function<NDArray[], NDArray> apply) {
        try (StepScope scope = StepScope.open()) {
            fc.parameters().forEach(Param::zeroGradient);
            NDArray x = manager.create(spikes[0], new Shape(R, IN));
            x.setRequiresGradient(true);
            float[] value = null;
            for (int t = 0; t < STEPS; t++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray in = t == 0 ? x.mul(c.of(1)) : manager.create(spikes[t], new Shape(R, IN));
                    NDArray y = apply.apply(new NDArray[] {in, manager.create(traces[t], new Shape(R, IN))});
                    value = t == 0 ? y.toFloatArray() : value;
                    gc.backward(y.mul(manager.create(gs[t], new Shape(R, OUT))).sum());
                    fc.completeGradients();
                }
            }
            return new Grads(value, x.getGradient().toFloatArray(), fc.weight().gradient().toFloatArray(),
                    fc.bias().gradient().toFloatArray());
        }
    }

    private float[][] draws(int rows, int n, boolean binary) {
        float[][] out = new float[STEPS][];
        for (int t = 0; t < STEPS; t++) {
            out[t] = Numeric.gaussian(random, rows * n);
            if (binary) {
                for (int i = 0; i < out[t].length; i++) {
                    out[t][i] = out[t][i] > 0.3f ? 1 : 0;
                }
            }
        }
        return out;
    }

    @Test
    void theTraceGradientFormedAfterBackwardIsAutogradsBitForBit() {
        float[][] spikes = draws(R, IN, true);
        float[][] traces = draws(R, IN, false);
        float[][] gs = draws(R, OUT, false);
        for (ErrorRoutes.Kind kind : List.of(ErrorRoutes.Kind.BACKPROP, ErrorRoutes.Kind.FEEDBACK_ALIGNMENT,
                ErrorRoutes.Kind.SIGN_SYMMETRIC)) {
            LinearLayer fc = new LinearLayer(1, "fc", IN, OUT, true, WeightInit.PYTORCH_DEFAULT, manager,
                    new SplittableRandom(3));
            ErrorRoute route = kind.routes().create(fc, manager, c, new SplittableRandom(4));
            fc.setErrorRoute(route);
            Grads autograd = run(fc, spikes, traces, gs, in -> route.applyWithTrace(in[0], in[1],
                    fc.weight().value(), fc.bias().value(), WeightOp.LINEAR, TraceWeightGradient.AUTOGRAD));
            Grads deferred = run(fc, spikes, traces, gs, in -> fc.applyWithTrace(in[0], in[1]));
            assertArrayEquals(autograd.value(), deferred.value(), 0f, kind + ": value");
            assertArrayEquals(autograd.dx(), deferred.dx(), 0f, kind + ": input gradient");
            assertArrayEquals(autograd.db(), deferred.db(), 0f, kind + ": bias gradient");
            assertArrayEquals(autograd.dw(), deferred.dw(), 0f, kind + ": weight gradient Σ_t g_tᵀ·â_t");
            assertTrue(Numeric.maxAbs(deferred.dw()) > 0.1, kind + ": a weight gradient");
        }
    }

    @Test
    void takeFormsEveryRowSetFromTheSameErrorAndForgets() {
        DeferredWeightGradient deferred = new DeferredWeightGradient();
        float[] a = Numeric.gaussian(random, R * IN);
        float[] b = Numeric.gaussian(random, R * IN);
        float[] g = Numeric.gaussian(random, R * OUT);
        try (StepScope scope = StepScope.open()) {
            NDArray w = manager.zeros(new Shape(OUT, IN));
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = deferred.attach(manager.zeros(new Shape(R, OUT)), w,
                        manager.create(a, new Shape(R, IN)), manager.create(b, new Shape(R, IN)));
                gc.backward(y.mul(manager.create(g, new Shape(R, OUT))).sum());
            }
            DeferredWeightGradient.Products p = deferred.take();
            assertTrue(p.weight() == w, "the weight applied with");
            Numeric.assertClose(outer(g, a), p.sums()[0].toFloatArray(), 1e-6, "gᵀ·A");
            Numeric.assertClose(outer(g, b), p.sums()[1].toFloatArray(), 1e-6, "gᵀ·B");
            assertNull(deferred.take(), "the applications are forgotten");
        }
    }

    /** {@code gᵀ·x} in double precision. */
    private static double[] outer(float[] g, float[] x) {
        double[] out = new double[OUT * IN];
        for (int r = 0; r < R; r++) {
            for (int o = 0; o < OUT; o++) {
                for (int i = 0; i < IN; i++) {
                    out[o * IN + i] += (double) g[r * OUT + o] * x[r * IN + i];
                }
            }
        }
        return out;
    }
}
