package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BatchNorm's modes against the formulas: TRAIN normalises with the batch's statistics and sets
 * {@code r ← (1 − m)·r + m·s} (unbiased variance), EVAL normalises with r, ADAPT with the batch
 * and changes no buffer, a frozen layer behaves as EVAL in every mode; 1-D and 2-D.
 */
class BatchNormLayerTest extends EngineFixture {
    private static final double M = 0.1;
    private static final double EPS = 1e-5;

    private final Random random = new Random(13);

    private float[] data(int n) {
        float[] x = Numeric.gaussian(random, n);
        for (int i = 0; i < n; i++) {
            x[i] = 2f * x[i] + 0.5f * (i % 3);
        }
        return x;
    }

    /** Per-channel mean and unbiased variance of x [N, C, S]. */
    private static double[][] stats(float[] x, int n, int ch, int sp) {
        double[] mean = new double[ch];
        double[] var = new double[ch];
        int count = n * sp;
        for (int c = 0; c < ch; c++) {
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    mean[c] += x[(i * ch + c) * sp + s];
                }
            }
            mean[c] /= count;
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    double d = x[(i * ch + c) * sp + s] - mean[c];
                    var[c] += d * d;
                }
            }
            var[c] /= count - 1;
        }
        return new double[][] {mean, var};
    }

    private static ForwardContext context(int timesteps, Mode mode, org.plasticity.core.tensor.Constants c) {
        return new ForwardContext(timesteps, mode, c, LayerObserver.NONE, null);
    }

    private static double[] ones(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private void checkModes(Shape shape) {
        int n = (int) shape.get(0), ch = (int) shape.get(1);
        int sp = (int) (shape.size() / (n * ch));
        BatchNormLayer bn = new BatchNormLayer("bn", ch, M, EPS, manager);
        double[] g = ones(ch, 1), b = ones(ch, 0);
        double[] rm = ones(ch, 0), rv = ones(ch, 1);
        String what = shape.toString();
        try (StepScope scope = StepScope.open()) {
            // two TRAIN steps: r ← (1 − m)·r + m·s each time
            for (int step = 0; step < 2; step++) {
                float[] xs = data((int) shape.size());
                NDArray y = bn.forward(Activity.timeMajor(manager.create(xs, shape)), context(1, Mode.TRAIN, c)).value();
                Numeric.assertClose(LayerGradientTest.batchNorm(Numeric.toDouble(xs), n, ch, sp, g, b, null, null, EPS),
                        y.toFloatArray(), 1e-5, what + " TRAIN value");
                double[][] s = stats(xs, n, ch, sp);
                for (int c0 = 0; c0 < ch; c0++) {
                    rm[c0] = (1 - M) * rm[c0] + M * s[0][c0];
                    rv[c0] = (1 - M) * rv[c0] + M * s[1][c0];
                }
                Numeric.assertClose(rm, bn.runningMean().value().toFloatArray(), 1e-6, what + " running mean");
                Numeric.assertClose(rv, bn.runningVar().value().toFloatArray(), 1e-6, what + " running var");
            }
            float[] meanBefore = bn.runningMean().value().toFloatArray();
            float[] varBefore = bn.runningVar().value().toFloatArray();

            float[] xs = data((int) shape.size());
            NDArray eval = bn.forward(Activity.timeMajor(manager.create(xs, shape)), context(1, Mode.EVAL, c)).value();
            Numeric.assertClose(LayerGradientTest.batchNorm(Numeric.toDouble(xs), n, ch, sp, g, b, rm, rv, EPS),
                    eval.toFloatArray(), 1e-5, what + " EVAL uses the running statistics");

            NDArray adapt = bn.forward(Activity.timeMajor(manager.create(xs, shape)), context(1, Mode.ADAPT, c)).value();
            Numeric.assertClose(LayerGradientTest.batchNorm(Numeric.toDouble(xs), n, ch, sp, g, b, null, null, EPS),
                    adapt.toFloatArray(), 1e-5, what + " ADAPT uses the batch statistics");
            Numeric.assertClose(meanBefore, bn.runningMean().value().toFloatArray(), 0, what + " EVAL/ADAPT keep the mean");
            Numeric.assertClose(varBefore, bn.runningVar().value().toFloatArray(), 0, what + " EVAL/ADAPT keep the var");

            bn.freezeStatistics();
            assertFalse(bn.gamma().trainable(), "frozen γ");
            assertFalse(bn.beta().trainable(), "frozen β");
            NDArray frozen = bn.forward(Activity.timeMajor(manager.create(xs, shape)), context(1, Mode.TRAIN, c)).value();
            Numeric.assertClose(eval.toFloatArray(), frozen.toFloatArray(), 0, what + " frozen TRAIN = EVAL");
            Numeric.assertClose(meanBefore, bn.runningMean().value().toFloatArray(), 0, what + " frozen keeps the mean");
            Numeric.assertClose(varBefore, bn.runningVar().value().toFloatArray(), 0, what + " frozen keeps the var");
        }
    }

    @Test
    void modesFollowTheFormulas2d() {
        checkModes(new Shape(4, 3, 3, 2));
    }

    @Test
    void modesFollowTheFormulas1d() {
        checkModes(new Shape(8, 5));
    }

    @Test
    void staticInputIsNormalisedOverTimeTimesBatchInTrain() {
        int t = 3, bsz = 4, ch = 2, sp = 4;
        Shape shape = new Shape(bsz, ch, 2, 2);
        BatchNormLayer bn = new BatchNormLayer("bn", ch, M, EPS, manager);
        try (StepScope scope = StepScope.open()) {
            float[] xs = data((int) shape.size());
            Activity out = bn.forward(Activity.constant(manager.create(xs, shape)), context(t, Mode.TRAIN, c));
            assertFalse(out.isStatic(), "TRAIN makes a static input time-major");
            assertEquals(new Shape(t * bsz, ch, 2, 2), out.value().getShape());
            // the statistics of T·B identical copies: same mean, unbiased variance over T·B·H·W values
            float[] copies = new float[xs.length * t];
            for (int i = 0; i < t; i++) {
                System.arraycopy(xs, 0, copies, i * xs.length, xs.length);
            }
            double[][] s = stats(copies, t * bsz, ch, sp);
            double[] rm = new double[ch], rv = new double[ch];
            for (int c0 = 0; c0 < ch; c0++) {
                rm[c0] = M * s[0][c0];
                rv[c0] = (1 - M) + M * s[1][c0];
            }
            Numeric.assertClose(rm, bn.runningMean().value().toFloatArray(), 1e-6, "running mean over T·B");
            Numeric.assertClose(rv, bn.runningVar().value().toFloatArray(), 1e-6, "running var over T·B");
            assertTrue(bn.forward(Activity.constant(manager.create(xs, shape)), context(t, Mode.EVAL, c)).isStatic(),
                    "EVAL keeps a static input static");
            assertTrue(bn.forward(Activity.constant(manager.create(xs, shape)), context(t, Mode.ADAPT, c)).isStatic(),
                    "ADAPT keeps a static input static");
        }
    }

    /** DJL's batchNorm momentum μ means r ← μ·r + (1 − μ)·s: it passes 1 − μ to libtorch. */
    @Test
    void djlMomentumIsTheComplementOfPyTorchs() {
        try (StepScope scope = StepScope.open()) {
            float[] xs = data(12);
            NDArray mean = manager.zeros(new Shape(3));
            NDArray var = manager.ones(new Shape(3));
            BatchNorm.batchNorm(manager.create(xs, new Shape(4, 3)), mean, var, manager.ones(new Shape(3)),
                    manager.zeros(new Shape(3)), 1, 0.75f, 1e-5f, true);
            double[][] s = stats(xs, 4, 3, 1);
            double[] expected = new double[3];
            for (int i = 0; i < 3; i++) {
                expected[i] = 0.25 * s[0][i];
            }
            Numeric.assertClose(expected, mean.toFloatArray(), 1e-6, "DJL momentum 0.75 = PyTorch momentum 0.25");
        }
    }

    /** BN-α: {@code μ = (1 − α)·r_μ + α·μ_B}, {@code σ² = (1 − α)·r_σ² + α·σ²_B} (biased), in doubles. */
    private static double[] mixed(double[] x, int n, int ch, int sp, double alpha, double[] rm, double[] rv) {
        double[] y = new double[x.length];
        for (int c0 = 0; c0 < ch; c0++) {
            double mu = 0;
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    mu += x[(i * ch + c0) * sp + s];
                }
            }
            mu /= n * sp;
            double var = 0;
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    double d = x[(i * ch + c0) * sp + s] - mu;
                    var += d * d;
                }
            }
            var /= n * sp;
            double m = (1 - alpha) * rm[c0] + alpha * mu;
            double v = (1 - alpha) * rv[c0] + alpha * var;
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    int at = (i * ch + c0) * sp + s;
                    y[at] = (x[at] - m) / Math.sqrt(v + EPS);
                }
            }
        }
        return y;
    }

    @Test
    void adaptationMixBlendsSourceAndBatchStatisticsWithGradients() {
        Shape shape = new Shape(5, 3, 2, 2);
        int n = 5, ch = 3, sp = 4;
        for (double alpha : new double[] {0.0, 0.4, 1.0}) {
            BatchNormLayer bn = new BatchNormLayer("bn", ch, M, EPS, manager);
            float[] rm = {0.3f, -0.2f, 1.0f};
            float[] rv = {0.5f, 2.0f, 1.5f};
            bn.runningMean().value().set(rm);
            bn.runningVar().value().set(rv);
            bn.setAdaptationMix(alpha);
            float[] xs = data((int) shape.size());
            float[] gs = data((int) shape.size());
            double[] rm64 = Numeric.toDouble(rm), rv64 = Numeric.toDouble(rv);
            String what = "alpha " + alpha;
            try (StepScope scope = StepScope.open()) {
                NDArray x = manager.create(xs, shape);
                x.setRequiresGradient(true);
                NDArray y;
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    y = bn.forward(Activity.timeMajor(x.mul(c.of(1))), context(1, Mode.ADAPT, c)).value();
                    gc.backward(y.mul(manager.create(gs, shape)).sum());
                }
                double[] xd = Numeric.toDouble(xs);
                Numeric.assertClose(mixed(xd, n, ch, sp, alpha, rm64, rv64), y.toFloatArray(), 1e-5, what + " value");
                double[] dx = Numeric.centralDifferences(
                        v -> Numeric.dot(mixed(v, n, ch, sp, alpha, rm64, rv64), gs), xd.clone(), 1e-6);
                Numeric.assertClose(dx, x.getGradient().toFloatArray(), 1e-4, what + " dx");
                Numeric.assertClose(rm, bn.runningMean().value().toFloatArray(), 0, what + " keeps the running mean");
                Numeric.assertClose(rv, bn.runningVar().value().toFloatArray(), 0, what + " keeps the running var");
            }
        }
    }
}
