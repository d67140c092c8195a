package org.plasticity.core.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.Param;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each optimizer against PyTorch's update written out by hand for the loss Σ q ⊙ p². */
class OptimizerTest extends EngineFixture {
    private static final float[] P0 = {1.0f, -2.0f, 0.5f};
    private static final float[] Q = {0.3f, 1.0f, -2.0f};

    private void backward(Param p) {
        p.zeroGradient();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(p.value().square().mul(manager.create(Q)).sum());
        }
    }

    private float[] run(Optimizer opt, Param p, int steps) {
        for (int s = 0; s < steps; s++) {
            try (StepScope scope = StepScope.open()) {
                backward(p);
            }
            opt.step();
        }
        return p.value().toFloatArray();
    }

    /** PyTorch SGD on grad 2·q·p. */
    private static float[] sgdReference(double lr, double mu, double damp, double wd, boolean nesterov, int steps) {
        double[] p = {P0[0], P0[1], P0[2]};
        double[] buf = new double[3];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < 3; i++) {
                double d = 2 * Q[i] * p[i] + wd * p[i];
                if (mu != 0) {
                    buf[i] = s == 0 ? d : mu * buf[i] + (1 - damp) * d;
                    d = nesterov ? d + mu * buf[i] : buf[i];
                }
                p[i] -= lr * d;
            }
        }
        return new float[] {(float) p[0], (float) p[1], (float) p[2]};
    }

    @Test
    void sgdMatchesPyTorchWithMomentumDampeningAndWeightDecay() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        try (Sgd sgd = new Sgd(List.of(p), new Sgd.Settings(0.1, 0.9, 0.1, 0.01, false), manager)) {
            assertArrayEquals(sgdReference(0.1, 0.9, 0.1, 0.01, false, 4), run(sgd, p, 4), 1e-5f);
        }
    }

    @Test
    void sgdNesterovMatchesPyTorch() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        try (Sgd sgd = new Sgd(List.of(p), new Sgd.Settings(0.05, 0.8, 0, 0, true), manager)) {
            assertArrayEquals(sgdReference(0.05, 0.8, 0, 0, true, 3), run(sgd, p, 3), 1e-5f);
        }
    }

    @Test
    void plainSgdIsOneStepOfGradientDescent() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        try (Sgd sgd = new Sgd(List.of(p), new Sgd.Settings(0.1, 0, 0, 0, false), manager)) {
            float[] after = run(sgd, p, 1);
            for (int i = 0; i < 3; i++) {
                assertEquals(P0[i] - 0.1f * 2 * Q[i] * P0[i], after[i], 1e-6f);
            }
        }
    }

    @Test
    void frozenParametersDoNotMove() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        p.setTrainable(false);
        try (Sgd sgd = new Sgd(List.of(p), new Sgd.Settings(0.1, 0, 0, 0, false), manager)) {
            assertArrayEquals(P0, run(sgd, p, 2), 0f);
        }
    }

    @Test
    void adamMatchesPyTorch() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.1;
        double[] ref = {P0[0], P0[1], P0[2]};
        double[] m = new double[3], v = new double[3];
        for (int t = 1; t <= 5; t++) {
            for (int i = 0; i < 3; i++) {
                double g = 2 * Q[i] * ref[i] + wd * ref[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                ref[i] -= lr * mh / (Math.sqrt(vh) + eps);
            }
        }
        try (Adam adam = new Adam(List.of(p), new Adam.Settings(lr, b1, b2, eps, wd), manager)) {
            assertArrayEquals(new float[] {(float) ref[0], (float) ref[1], (float) ref[2]}, run(adam, p, 5), 1e-5f);
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Param p = new Param("p", manager.create(P0.clone(), new Shape(3)));
        try (StepScope scope = StepScope.open()) {
            backward(p);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(p.value().square().mul(manager.create(Q)).sum());
            }
            NDArray g = p.gradient();
            assertEquals(4 * Q[1] * P0[1], g.toFloatArray()[1], 1e-5f);
            p.zeroGradient();
            assertArrayEquals(new float[3], p.gradient().toFloatArray(), 0f);
        }
    }
}
