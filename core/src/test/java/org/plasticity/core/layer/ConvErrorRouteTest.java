package org.plasticity.core.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Error routes through a convolution, for L = Σ G⊙conv(x): every route keeps the value and the
 * weight gradient of backprop; the input gradient is that of conv(x; B) for the route's feedback
 * kernel B (the fixed random kernel, or sign(W)·√(2/(k²·C_out))).
 */
class ConvErrorRouteTest extends EngineFixture {
    private static final int R = 2, CIN = 3, COUT = 4, H = 7, W = 6, K = 3, S = 2, P = 1;
    private static final Shape X = new Shape(R, CIN, H, W);
    private static final Shape Y = new Shape(R, COUT, Numeric.out(H, K, S, P), Numeric.out(W, K, S, P));

    private final Random random = new Random(21);

    private record Grads(float[] value, float[] dx, float[] dw, float[] db) {
    }

    private Conv2dLayer layer() {
        return new Conv2dLayer(1, "conv", CIN, COUT, K, S, P, true, WeightInit.KAIMING_NORMAL_FAN_OUT, manager,
                new SplittableRandom(4));
    }

    private Grads run(Conv2dLayer conv, float[] xs, float[] gs) {
        try (StepScope scope = StepScope.open()) {
            conv.parameters().forEach(Param::zeroGradient);
            NDArray x = manager.create(xs, X);
            x.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                value = conv.apply(x.mul(c.of(1)));
                gc.backward(value.mul(manager.create(gs, Y)).sum());
            }
            return new Grads(value.toFloatArray(), x.getGradient().toFloatArray(),
                    conv.weight().gradient().toFloatArray(), conv.bias().gradient().toFloatArray());
        }
    }

    /** The input gradient of Σ G⊙conv(x; B). */
    private float[] inputGradient(Conv2dLayer conv, NDArray feedback, float[] xs, float[] gs) {
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, X);
            x.setRequiresGradient(true);
            NDArray b = feedback.stopGradient();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(conv.op().apply(x.mul(c.of(1)), b, null).mul(manager.create(gs, Y)).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    private void checkRoute(Conv2dLayer conv, ErrorRoute route, Grads exact, float[] xs, float[] gs) {
        conv.setErrorRoute(route);
        Grads got = run(conv, xs, gs);
        String what = route.name();
        Numeric.assertClose(exact.value(), got.value(), 1e-6, what + " value");
        Numeric.assertClose(exact.dw(), got.dw(), 1e-6, what + " dW");
        Numeric.assertClose(exact.db(), got.db(), 1e-6, what + " db");
        NDArray feedback;
        try (StepScope scope = StepScope.open()) {
            feedback = route.feedback(conv.weight().value());
            assertNotNull(feedback);
            Numeric.assertClose(inputGradient(conv, feedback, xs, gs), got.dx(), 1e-5, what + " dx through B");
        }
        // and not the exact input gradient
        double diff = 0;
        for (int i = 0; i < exact.dx().length; i++) {
            diff = Math.max(diff, Math.abs(exact.dx()[i] - got.dx()[i]));
        }
        org.junit.jupiter.api.Assertions.assertTrue(diff > 1e-2, what + " dx differs from backprop's");
    }

    @Test
    void feedbackAlignmentAndSignSymmetricRoutesWorkThroughConvolution() {
        Conv2dLayer conv = layer();
        float[] xs = Numeric.gaussian(random, (int) X.size());
        float[] gs = Numeric.gaussian(random, (int) Y.size());
        Grads exact = run(conv, xs, gs);
        ErrorRoute fa = ErrorRoutes.Kind.FEEDBACK_ALIGNMENT.routes().create(conv, manager, c, new SplittableRandom(2));
        checkRoute(conv, fa, exact, xs, gs);
        ErrorRoute ss = ErrorRoutes.Kind.SIGN_SYMMETRIC.routes().create(conv, manager, c, new SplittableRandom(2));
        checkRoute(conv, ss, exact, xs, gs);
        // sign-symmetric feedback is sign(W)·√(2/(k²·C_out))
        try (StepScope scope = StepScope.open()) {
            float[] wf = conv.weight().value().toFloatArray();
            double scale = Math.sqrt(2.0 / (K * K * COUT));
            double[] expected = new double[wf.length];
            for (int i = 0; i < wf.length; i++) {
                expected[i] = Math.signum(wf[i]) * scale;
            }
            Numeric.assertClose(expected, ss.feedback(conv.weight().value()).toFloatArray(), 1e-6, "sign(W)·scale");
        }
    }

    @Test
    void traceRouteTakesValueFromSpikesAndWeightGradientFromTrace() {
        Conv2dLayer conv = layer();
        float[] spikes = Numeric.gaussian(random, (int) X.size());
        float[] trace = Numeric.gaussian(random, (int) X.size());
        float[] gs = Numeric.gaussian(random, (int) Y.size());
        Grads fromSpikes = run(conv, spikes, gs);
        Grads fromTrace = run(conv, trace, gs);
        try (StepScope scope = StepScope.open()) {
            conv.parameters().forEach(Param::zeroGradient);
            NDArray value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                value = conv.applyWithTrace(manager.create(spikes, X), manager.create(trace, X));
                gc.backward(value.mul(manager.create(gs, Y)).sum());
            }
            Numeric.assertClose(fromSpikes.value(), value.toFloatArray(), 1e-5, "OTTT value");
            Numeric.assertClose(fromTrace.dw(), conv.weight().gradient().toFloatArray(), 1e-5, "OTTT dW");
            Numeric.assertClose(fromSpikes.value(), conv.applyDetached(manager.create(spikes, X)).toFloatArray(),
                    1e-6, "detached value");
        }
    }
}
