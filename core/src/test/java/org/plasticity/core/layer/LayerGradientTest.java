package org.plasticity.core.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Autograd gradients of the layers against central finite differences of {@code L = Σ y⊙G} for a
 * random G.
 *
 * <p>Pooling runs in float64 end to end (h = 1e-6). Conv and BatchNorm have float32 parameters, so
 * their autograd gradient is float32 (relative error ~1e-6) and the differences are taken in
 * float64 of the same function: for conv, the layer's own op on float64 copies of x, W and b; for
 * BatchNorm, the formula written out in Java doubles (whose values are checked against the layer
 * first). The tolerance 1e-4 of the largest gradient sits well above float32 rounding and well
 * below any missing term (e.g. BatchNorm's batch-statistics terms are O(1/n) ≈ 6e-2 here).
 */
class LayerGradientTest extends EngineFixture {
    private final Random random = new Random(5);

    private static final double TOL = 1e-4;

    private NDArray doubles(double[] v, Shape shape) {
        return manager.create(v, shape);
    }

    private static double loss(NDArray y, float[] g) {
        return Numeric.dot(y.toType(DataType.FLOAT64, false).toDoubleArray(), g);
    }

    @Test
    void convGradientsMatchFiniteDifferences() {
        int r = 2, cin = 2, cout = 3, h = 6, w = 5, k = 3, s = 2, p = 1;
        Conv2dLayer conv = new Conv2dLayer(0, "conv", cin, cout, k, s, p, true, WeightInit.PYTORCH_DEFAULT,
                manager, new SplittableRandom(9));
        Shape xShape = new Shape(r, cin, h, w);
        Shape yShape = new Shape(r, cout, Numeric.out(h, k, s, p), Numeric.out(w, k, s, p));
        Shape wShape = conv.weight().value().getShape();
        Shape bShape = conv.bias().value().getShape();
        float[] xs = Numeric.gaussian(random, (int) xShape.size());
        float[] gs = Numeric.gaussian(random, (int) yShape.size());
        double[] xd = Numeric.toDouble(xs);
        double[] wd = Numeric.toDouble(conv.weight().value().toFloatArray());
        double[] bd = Numeric.toDouble(conv.bias().value().toFloatArray());
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, xShape);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(conv.apply(x.mul(c.of(1))).mul(manager.create(gs, yShape)).sum());
            }
            WeightOp op = conv.op();
            double[] dx = Numeric.centralDifferences(v -> loss(op.apply(doubles(v, xShape), doubles(wd, wShape),
                    doubles(bd, bShape)), gs), xd.clone(), 1e-6);
            double[] dw = Numeric.centralDifferences(v -> loss(op.apply(doubles(xd, xShape), doubles(v, wShape),
                    doubles(bd, bShape)), gs), wd.clone(), 1e-6);
            double[] db = Numeric.centralDifferences(v -> loss(op.apply(doubles(xd, xShape), doubles(wd, wShape),
                    doubles(v, bShape)), gs), bd.clone(), 1e-6);
            Numeric.assertClose(dx, x.getGradient().toFloatArray(), TOL, "conv dx");
            Numeric.assertClose(dw, conv.weight().gradient().toFloatArray(), TOL, "conv dW");
            Numeric.assertClose(db, conv.bias().gradient().toFloatArray(), TOL, "conv db");
        }
    }

    private void checkPool(UnaryOperator<NDArray> pool, double[] xd, Shape xShape, String what) {
        try (StepScope scope = StepScope.open()) {
            NDArray x = doubles(xd, xShape);
            x.setRequiresGradient(true);
            NDArray y;
            float[] gs;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = pool.apply(x.mul(c.of(1)));
                gs = Numeric.gaussian(random, (int) y.size());
                gc.backward(y.mul(manager.create(Numeric.toDouble(gs), y.getShape())).sum());
            }
            assertEquals(DataType.FLOAT64, y.getDataType(), what + " runs in float64");
            double[] expected = Numeric.centralDifferences(v -> loss(pool.apply(doubles(v, xShape)), gs), xd.clone(), 1e-6);
            float[] got = x.getGradient().toType(DataType.FLOAT32, false).toFloatArray();
            Numeric.assertClose(expected, got, 1e-6, what);
        }
    }

    @Test
    void avgPoolGradientMatchesFiniteDifferences() {
        Shape xShape = new Shape(2, 3, 6, 5);
        double[] xd = Numeric.toDouble(Numeric.gaussian(random, (int) xShape.size()));
        checkPool(Pool2dLayer.avg("pool", 2, 2)::apply, xd, xShape, "avg pool k2 s2");
        checkPool(Pool2dLayer.avg("pool", 3, 1)::apply, xd, xShape, "avg pool k3 s1 (overlapping)");
        checkPool(new AdaptiveAvgPool2dLayer("gap", 1, 1)::apply, xd, new Shape(2, 3, 6, 5), "global avg pool");
    }

    @Test
    void maxPoolGradientMatchesFiniteDifferences() {
        Shape xShape = new Shape(2, 2, 6, 6);
        int n = (int) xShape.size();
        // a shuffled grid with spacing 0.01 ≫ h: no ties, and no perturbation changes a window's argmax
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = (i - n / 2) * 0.01;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = xd[i];
            xd[i] = xd[j];
            xd[j] = t;
        }
        checkPool(Pool2dLayer.max("pool", 2, 2)::apply, xd, xShape, "max pool k2 s2");
        checkPool(Pool2dLayer.max("pool", 3, 2)::apply, xd, xShape, "max pool k3 s2 (overlapping)");
    }

    /** {@code y = γ(x − μ)/√(σ² + ε) + β} for x [N, C, S], batch statistics when mean is null. */
    static double[] batchNorm(double[] x, int n, int ch, int sp, double[] gamma, double[] beta,
                              double[] mean, double[] var, double eps) {
        double[] y = new double[x.length];
        for (int c = 0; c < ch; c++) {
            double mu;
            double v;
            if (mean == null) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    for (int s = 0; s < sp; s++) {
                        sum += x[(i * ch + c) * sp + s];
                    }
                }
                mu = sum / (n * sp);
                double sq = 0;
                for (int i = 0; i < n; i++) {
                    for (int s = 0; s < sp; s++) {
                        double d = x[(i * ch + c) * sp + s] - mu;
                        sq += d * d;
                    }
                }
                v = sq / (n * sp);
            } else {
                mu = mean[c];
                v = var[c];
            }
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < sp; s++) {
                    int at = (i * ch + c) * sp + s;
                    y[at] = gamma[c] * (x[at] - mu) / Math.sqrt(v + eps) + beta[c];
                }
            }
        }
        return y;
    }

    private void checkBatchNorm(Mode mode, Shape xShape) {
        int n = (int) xShape.get(0), ch = (int) xShape.get(1);
        int sp = (int) (xShape.size() / (n * ch));
        double eps = 1e-5;
        BatchNormLayer bn = new BatchNormLayer("bn", ch, 0.1, eps, manager);
        float[] gamma = Numeric.gaussian(random, ch);
        float[] beta = Numeric.gaussian(random, ch);
        bn.gamma().value().set(gamma);
        bn.beta().value().set(beta);
        float[] rm = Numeric.gaussian(random, ch);
        float[] rv = new float[ch];
        for (int i = 0; i < ch; i++) {
            rv[i] = 0.5f + random.nextFloat();
        }
        bn.runningMean().value().set(rm);
        bn.runningVar().value().set(rv);
        float[] xs = Numeric.gaussian(random, (int) xShape.size());
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xs[i] * 1.5f + 0.7f;
        }
        float[] gs = Numeric.gaussian(random, xs.length);
        double[] g64 = Numeric.toDouble(gamma), b64 = Numeric.toDouble(beta);
        double[] rm64 = mode == Mode.EVAL ? Numeric.toDouble(rm) : null;
        double[] rv64 = Numeric.toDouble(rv);
        double[] xd = Numeric.toDouble(xs);
        String what = "batch norm " + mode + " " + xShape;
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, xShape);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                ForwardContext context = new ForwardContext(1, mode, c, LayerObserver.NONE, null);
                y = bn.forward(Activity.timeMajor(x.mul(c.of(1))), context).value();
                gc.backward(y.mul(manager.create(gs, xShape)).sum());
            }
            Numeric.assertClose(batchNorm(xd, n, ch, sp, g64, b64, rm64, rv64, eps), y.toFloatArray(), 1e-5,
                    what + " value");
            double[] dx = Numeric.centralDifferences(
                    v -> Numeric.dot(batchNorm(v, n, ch, sp, g64, b64, rm64, rv64, eps), gs), xd.clone(), 1e-6);
            double[] dg = Numeric.centralDifferences(
                    v -> Numeric.dot(batchNorm(xd, n, ch, sp, v, b64, rm64, rv64, eps), gs), g64.clone(), 1e-6);
            double[] db = Numeric.centralDifferences(
                    v -> Numeric.dot(batchNorm(xd, n, ch, sp, g64, v, rm64, rv64, eps), gs), b64.clone(), 1e-6);
            Numeric.assertClose(dx, x.getGradient().toFloatArray(), TOL, what + " dx");
            Numeric.assertClose(dg, bn.gamma().gradient().toFloatArray(), TOL, what + " dγ");
            Numeric.assertClose(db, bn.beta().gradient().toFloatArray(), TOL, what + " dβ");
        }
    }

    @Test
    void batchNormTrainGradientsIncludeTheBatchStatistics() {
        checkBatchNorm(Mode.TRAIN, new Shape(4, 3, 2, 2));
        checkBatchNorm(Mode.TRAIN, new Shape(6, 4));
    }

    @Test
    void batchNormEvalGradientsUseTheRunningStatistics() {
        checkBatchNorm(Mode.EVAL, new Shape(4, 3, 2, 2));
        checkBatchNorm(Mode.EVAL, new Shape(6, 4));
    }
}
