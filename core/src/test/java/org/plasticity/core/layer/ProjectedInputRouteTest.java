package org.plasticity.core.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.plasticity.GradientProjector;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A linear layer whose route projects its input rows, for L = Σ G⊙layer(x): the value and the input and bias
 * gradients are the wrapped route's, and the weight gradient is the wrapped route's projected as HLOP and GPM project
 * a gradient, {@code G − (G·Bᵀ)·B} in closed form, for basis rows B that need not be orthonormal; with OTTT's trace
 * the weight gradient is the trace's, projected. The weight gradient is formed after backward
 * ({@link ErrorRoute#completeGradients}), as autograd would form it on the projected rows.
 */
class ProjectedInputRouteTest extends EngineFixture {
    private static final int R = 5, IN = 12, OUT = 9, M = 4;

    private final Random random = new Random(7);

    private record Grads(float[] value, float[] dx, float[] dw, float[] db) {
    }

    private LinearLayer layer() {
        return new LinearLayer(1, "fc", IN, OUT, true, WeightInit.PYTORCH_DEFAULT, manager, new SplittableRandom(3));
    }

    private Grads run(LinearLayer fc, float[] xs, float[] trace, float[] gs) {
        try (StepScope scope = StepScope.open()) {
            fc.parameters().forEach(Param::zeroGradient);
            NDArray x = manager.create(xs, new Shape(R, IN));
            x.setRequiresGradient(true);
            NDArray value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray in = x.mul(c.of(1));
                value = trace == null ? fc.apply(in) : fc.applyWithTrace(in, manager.create(trace, new Shape(R, IN)));
                gc.backward(value.mul(manager.create(gs, new Shape(R, OUT))).sum());
                fc.completeGradients();
            }
            NDArray dx = x.getGradient();
            return new Grads(value.toFloatArray(), dx.toFloatArray(), fc.weight().gradient().toFloatArray(),
                    fc.bias().gradient().toFloatArray());
        }
    }

    /** A projector onto the complement of the basis rows {@code [M, IN]}, kept for the test. */
    private GradientProjector projector(float[] basis) {
        NDArray rows = StepScope.keep(manager.create(basis, new Shape(M, IN)));
        return new GradientProjector(() -> rows, c);
    }

    /** {@code G − (G·Bᵀ)·B} in double precision. */
    private static double[] projected(float[] g, float[] b) {
        double[] out = new double[g.length];
        for (int o = 0; o < OUT; o++) {
            double[] coefficient = new double[M];
            for (int m = 0; m < M; m++) {
                for (int i = 0; i < IN; i++) {
                    coefficient[m] += g[o * IN + i] * (double) b[m * IN + i];
                }
            }
            for (int i = 0; i < IN; i++) {
                double removed = 0;
                for (int m = 0; m < M; m++) {
                    removed += coefficient[m] * b[m * IN + i];
                }
                out[o * IN + i] = g[o * IN + i] - removed;
            }
        }
        return out;
    }

    private void check(ErrorRoute route, float[] trace) {
        float[] xs = Numeric.gaussian(random, R * IN);
        float[] gs = Numeric.gaussian(random, R * OUT);
        float[] basis = Numeric.gaussian(random, M * IN);
        LinearLayer fc = layer();
        fc.setErrorRoute(route);
        Grads plain = run(fc, xs, trace, gs);
        GradientProjector projector = projector(basis);
        fc.setErrorRoute(new ProjectedInputRoute(route, projector::projectRows));
        Grads got = run(fc, xs, trace, gs);
        String what = route.name() + (trace == null ? "" : " with trace");
        assertArrayEquals(plain.value(), got.value(), 0f, what + ": the value is the route's, bit for bit");
        Numeric.assertClose(plain.dx(), got.dx(), 1e-6, what + ": dx");
        Numeric.assertClose(plain.db(), got.db(), 1e-6, what + ": db");
        double[] expected = projected(plain.dw(), basis);
        Numeric.assertClose(expected, got.dw(), 1e-5, what + ": dW projected");
        double change = 0;
        for (int i = 0; i < expected.length; i++) {
            change = Math.max(change, Math.abs(expected[i] - plain.dw()[i]));
        }
        assertTrue(change > 0.1, what + ": the projection removes a visible part (" + change + ")");
        assertTrue(ProjectedInputRoute.unwrap(fc.errorRoute()) == route, "unwrap gives the route back");
    }

    @Test
    void backpropWeightGradientIsTheProjectedGradient() {
        check(ErrorRoute.backprop(), null);
    }

    @Test
    void feedbackRoutesKeepTheirInputGradient() {
        check(ErrorRoutes.Kind.FEEDBACK_ALIGNMENT.routes().create(layer(), manager, c, new SplittableRandom(2)), null);
        check(ErrorRoutes.Kind.SIGN_SYMMETRIC.routes().create(layer(), manager, c, new SplittableRandom(2)), null);
    }

    @Test
    void weightGradientIsAutogradsOnTheProjectedRowsBitForBit() {
        float[] xs = Numeric.gaussian(random, R * IN);
        float[] gs = Numeric.gaussian(random, R * OUT);
        GradientProjector projector = projector(Numeric.gaussian(random, M * IN));
        float[] projectedRows;
        try (StepScope scope = StepScope.open()) {
            projectedRows = projector.projectRows(manager.create(xs, new Shape(R, IN))).toFloatArray();
        }
        Grads onProjectedRows = run(layer(), projectedRows, null, gs);
        LinearLayer fc = layer();
        fc.setErrorRoute(new ProjectedInputRoute(ErrorRoute.backprop(), projector::projectRows));
        Grads got = run(fc, xs, null, gs);
        assertArrayEquals(onProjectedRows.dw(), got.dw(), 0f, "gᵀ·P(x) formed after backward is autograd's");
    }

    @Test
    void aWeightNoBackwardReachedYetReceivesItsGradient() {
        // a fresh layer's weight has no gradient tensor until a backward pass reaches it (DJL then hands out zeros
        // that edits do not reach); the route's weight never enters the graph, so it must define it
        float[] xs = Numeric.gaussian(random, R * IN);
        float[] gs = Numeric.gaussian(random, R * OUT);
        GradientProjector projector = projector(Numeric.gaussian(random, M * IN));
        LinearLayer fresh = layer();
        fresh.setErrorRoute(new ProjectedInputRoute(ErrorRoute.backprop(), projector::projectRows));
        Grads first = run(fresh, xs, null, gs);
        Grads second = run(fresh, xs, null, gs);
        assertTrue(Numeric.maxAbs(first.dw()) > 0.1, "the first step's weight gradient is there");
        assertArrayEquals(second.dw(), first.dw(), 0f, "and equals the next step's");
    }

    @Test
    void aMeasuringRouteHandsOverTheUnprojectedGradientAndItsRemovedPart() {
        float[] xs = Numeric.gaussian(random, R * IN);
        float[] gs = Numeric.gaussian(random, R * OUT);
        float[] basis = Numeric.gaussian(random, M * IN);
        float[] trace = Numeric.gaussian(random, R * IN);
        for (float[] t : new float[][] {null, trace}) {
            String what = t == null ? "rows" : "OTTT's trace";
            LinearLayer fc = layer();
            Grads plain = run(fc, xs, t, gs);
            float[][] handed = new float[2][];
            fc.setErrorRoute(new ProjectedInputRoute(ErrorRoute.backprop(), projector(basis)::projectRows,
                    (g, removed) -> {
                        handed[0] = g.toFloatArray();
                        handed[1] = removed.toFloatArray();
                    }));
            Grads got = run(fc, xs, t, gs);
            Numeric.assertClose(plain.dw(), handed[0], 1e-5, what + ": G, unprojected");
            double[] removed = new double[got.dw().length];
            for (int i = 0; i < removed.length; i++) {
                removed[i] = handed[0][i] - (double) got.dw()[i];
            }
            Numeric.assertClose(removed, handed[1], 1e-5, what + ": G − G'");
            assertTrue(Numeric.maxAbs(handed[1]) > 0.1, what + ": a visible part is removed");
        }
    }

    @Test
    void ottTraceIsProjected() {
        check(ErrorRoute.backprop(), Numeric.gaussian(random, R * IN));
        check(ErrorRoutes.Kind.FEEDBACK_ALIGNMENT.routes().create(layer(), manager, c, new SplittableRandom(5)),
                Numeric.gaussian(random, R * IN));
    }
}
