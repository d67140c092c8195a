package org.plasticity.core.net;

import org.plasticity.core.layer.ErrorRoute;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.optim.Sgd;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each error route against its closed form, for L = Σ R ⊙ (x·Wᵀ + b): the value and the weight
 * gradient Rᵀ·x are those of backprop in every route; the input gradient is R·W (backprop), R·B
 * for the fixed B (feedback alignment) and R·sign(W)/√in (sign symmetric).
 */
class ErrorRouteTest extends EngineFixture {
    private static final int B = 3;
    private static final int IN = 5;
    private static final int OUT = 4;

    private final Random random = new Random(8);

    private float[] gaussian(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private record Grads(float[] value, float[] dx, float[] dw, float[] db) {
    }

    private Grads run(LinearLayer layer, float[] xs, float[] rs) {
        try (StepScope scope = StepScope.open()) {
            layer.parameters().forEach(Param::zeroGradient);
            NDArray x = manager.create(xs, new Shape(B, IN));
            x.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // x enters through an op so it is a non-leaf recording gradient, as hidden activity is
                value = layer.apply(x.mul(c.of(1)));
                gc.backward(value.mul(manager.create(rs, new Shape(B, OUT))).sum());
            }
            return new Grads(value.toFloatArray(), x.getGradient().toFloatArray(),
                    layer.weight().gradient().toFloatArray(), layer.bias().gradient().toFloatArray());
        }
    }

    /** R·M for M [OUT, IN] row-major. */
    private static float[] times(float[] r, float[] m) {
        float[] out = new float[B * IN];
        for (int b = 0; b < B; b++) {
            for (int k = 0; k < IN; k++) {
                double s = 0;
                for (int j = 0; j < OUT; j++) {
                    s += r[b * OUT + j] * m[j * IN + k];
                }
                out[b * IN + k] = (float) s;
            }
        }
        return out;
    }

    @Test
    void everyRouteKeepsTheValueAndThePresynapticWeightGradient() {
        float[] xs = gaussian(B * IN);
        float[] rs = gaussian(B * OUT);
        LinearLayer layer = new LinearLayer("fc", IN, OUT, true, manager, new SplittableRandom(1));
        Grads bp = run(layer, xs, rs);
        float[] w = layer.weight().value().toFloatArray();
        assertArrayEquals(times(rs, w), bp.dx(), 1e-5f, "backprop input gradient R·W");
        for (ErrorRoute route : List.of(ErrorRoute.feedbackAlignment(IN, OUT, manager, new SplittableRandom(2)),
                ErrorRoute.signSymmetric(IN, c))) {
            layer.setErrorRoute(route);
            Grads g = run(layer, xs, rs);
            assertArrayEquals(bp.value(), g.value(), 0f, route.name() + " value");
            assertArrayEquals(bp.dw(), g.dw(), 1e-6f, route.name() + " weight gradient");
            assertArrayEquals(bp.db(), g.db(), 1e-6f, route.name() + " bias gradient");
        }
    }

    @Test
    void feedbackAlignmentSendsTheErrorThroughAFixedMatrix() {
        float[] xs = gaussian(B * IN);
        float[] rs = gaussian(B * OUT);
        LinearLayer layer = new LinearLayer("fc", IN, OUT, true, manager, new SplittableRandom(1));
        ErrorRoute fa = ErrorRoute.feedbackAlignment(IN, OUT, manager, new SplittableRandom(2));
        layer.setErrorRoute(fa);
        float[] feedback = fa.feedback(layer.weight().value()).toFloatArray();
        double bound = 1 / Math.sqrt(IN);
        for (float v : feedback) {
            assertFalse(Math.abs(v) > bound, "kaiming-uniform(a=√5) bound");
        }
        assertArrayEquals(times(rs, feedback), run(layer, xs, rs).dx(), 1e-5f, "input gradient R·B");
        try (Sgd sgd = new Sgd(layer.parameters(), new Sgd.Settings(0.5, 0, 0, 0, false), manager)) {
            sgd.step();
        }
        assertArrayEquals(feedback, fa.feedback(layer.weight().value()).toFloatArray(), 0f, "B never changes");
        assertArrayEquals(times(rs, feedback), run(layer, xs, rs).dx(), 1e-5f, "still R·B after W moved");
    }

    @Test
    void signSymmetricSendsTheErrorThroughScaledSigns() {
        float[] xs = gaussian(B * IN);
        float[] rs = gaussian(B * OUT);
        LinearLayer layer = new LinearLayer("fc", IN, OUT, true, manager, new SplittableRandom(3));
        layer.setErrorRoute(ErrorRoute.signSymmetric(IN, c));
        float[] w = layer.weight().value().toFloatArray();
        float[] signs = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            signs[i] = (float) (Math.signum(w[i]) / Math.sqrt(IN));
        }
        assertArrayEquals(times(rs, signs), run(layer, xs, rs).dx(), 1e-5f, "input gradient R·sign(W)/√in");
        assertEquals("sign-symmetric", layer.errorRoute().name());
    }
}
