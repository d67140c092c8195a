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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unfold against a naive im2col, and the convolution's weight gradient against
 * {@code G_flatᵀ·P} over those patches (what HLOP and GPM project).
 */
class UnfoldTest extends EngineFixture {
    private final Random random = new Random(11);

    @Test
    void patchesEqualNaiveIm2col() {
        int[][] cases = {
            // C, H, W, k, s, p
            {2, 5, 6, 3, 1, 1},
            {3, 9, 8, 5, 2, 2},
            {2, 6, 7, 1, 2, 0},
            {1, 4, 4, 2, 2, 0},
            {3, 7, 5, 3, 2, 0},
        };
        int r = 2;
        for (int[] cs : cases) {
            int ch = cs[0], h = cs[1], w = cs[2], k = cs[3], s = cs[4], p = cs[5];
            try (StepScope scope = StepScope.open()) {
                float[] xs = Numeric.gaussian(random, r * ch * h * w);
                Unfold unfold = new Unfold(ch, k, s, p, manager);
                NDArray patches = unfold.patches(manager.create(xs, new Shape(r, ch, h, w)));
                double[][] expected = Numeric.im2col(xs, r, ch, h, w, k, s, p);
                String what = java.util.Arrays.toString(cs);
                assertEquals(new Shape(expected.length, ch * k * k), patches.getShape(), what);
                float[] got = patches.toFloatArray();
                double[] flat = new double[got.length];
                for (int i = 0; i < expected.length; i++) {
                    System.arraycopy(expected[i], 0, flat, i * ch * k * k, ch * k * k);
                }
                Numeric.assertClose(flat, got, 0, what);
            }
        }
    }

    @Test
    void convWeightGradientIsGTransposeTimesPatches() {
        int r = 3, cin = 2, cout = 4, h = 7, w = 6, k = 3, s = 2, p = 1;
        Conv2dLayer conv = new Conv2dLayer(0, "conv", cin, cout, k, s, p, true, WeightInit.PYTORCH_DEFAULT,
                manager, new SplittableRandom(3));
        int ho = (int) Numeric.out(h, k, s, p), wo = (int) Numeric.out(w, k, s, p);
        float[] xs = Numeric.gaussian(random, r * cin * h * w);
        float[] gs = Numeric.gaussian(random, r * cout * ho * wo);
        try (StepScope scope = StepScope.open()) {
            NDArray x = manager.create(xs, new Shape(r, cin, h, w));
            NDArray out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                out = conv.apply(x);
                gc.backward(out.mul(manager.create(gs, new Shape(r, cout, ho, wo))).sum());
            }
            float[] dw = conv.weight().gradient().toFloatArray();
            double[][] patches = Numeric.im2col(xs, r, cin, h, w, k, s, p);
            float[] wf = conv.weight().value().toFloatArray();
            float[] bf = conv.bias().value().toFloatArray();
            int cols = cin * k * k, positions = ho * wo;
            double[] expected = new double[cout * cols];
            double[] value = new double[r * cout * positions];
            for (int n = 0; n < r; n++) {
                for (int l = 0; l < positions; l++) {
                    double[] row = patches[n * positions + l];
                    for (int o = 0; o < cout; o++) {
                        // G_flat[(n, l), o] = G[n, o, oh, ow]
                        double g = gs[(n * cout + o) * positions + l];
                        double v = bf[o];
                        for (int q = 0; q < cols; q++) {
                            expected[o * cols + q] += g * row[q];
                            v += wf[o * cols + q] * row[q];
                        }
                        value[(n * cout + o) * positions + l] = v;
                    }
                }
            }
            Numeric.assertClose(expected, dw, 1e-4, "dW = G_flatᵀ·P");
            Numeric.assertClose(value, out.toFloatArray(), 1e-5, "conv = P·W_flatᵀ + b");
            // the layer's presynaptic rows are these patches
            Numeric.assertClose(flatten(patches), conv.presynapticRows(x).toFloatArray(), 0, "presynapticRows");
        }
    }

    private static double[] flatten(double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }
}
