package org.plasticity.core.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.WeightInit;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

/**
 * NHL's soft-Hebbian step against a hand computation of the soft winner-take-all rule on a small strided, padded
 * convolution: patches by explicit loops, {@code u = w·x}, {@code y = softmax(u/τ)}, {@code ΔW = Σ y·x − (Σ y·u)·w},
 * max-normalised, {@code W + η·ΔW}.
 */
class SoftHebbianRuleTest extends EngineFixture {
    private static final int B = 2, C = 2, H = 5, W = 4, K = 3, KS = 3, S = 2, P = 1;

    @Test
    void stepEqualsHandComputedSoftWinnerTakeAll() {
        check(new SoftHebbianRule(0.7, 0.05, false, false));
    }

    @Test
    void antiHebbianLosersGetNegativeActivity() {
        check(new SoftHebbianRule(1.3, 0.1, true, false));
    }

    @Test
    void keptNormsRescaleEveryFilterToItsNorm() {
        check(new SoftHebbianRule(1.0, 0.2, false, true));
    }

    @Test
    void zeroRateLeavesTheWeightsBitUnchanged() {
        Conv2dLayer conv = conv();
        float[] before = conv.weight().value().toFloatArray();
        try (StepScope scope = StepScope.open()) {
            new SoftHebbianRule(1.0, 0.0, false, false).step(conv, input(), c);
        }
        assertArrayEquals(before, conv.weight().value().toFloatArray());
    }

    private Conv2dLayer conv() {
        return new Conv2dLayer(0, "conv1", C, K, KS, S, P, false, WeightInit.PYTORCH_DEFAULT, manager,
                new SplittableRandom(5));
    }

    private float[] inputValues() {
        Random random = new Random(3);
        float[] x = new float[B * C * H * W];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private NDArray input() {
        return manager.create(inputValues(), new Shape(B, C, H, W));
    }

    private void check(SoftHebbianRule rule) {
        Conv2dLayer conv = conv();
        float[] w0 = conv.weight().value().toFloatArray();
        double[] expected = hand(rule, w0, inputValues());
        try (StepScope scope = StepScope.open()) {
            rule.step(conv, input(), c);
        }
        float[] got = conv.weight().value().toFloatArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-5, "weight " + i);
        }
    }

    /** The rule by explicit loops over batch and output locations, in doubles. */
    private static double[] hand(SoftHebbianRule rule, float[] w, float[] x) {
        int d = C * KS * KS;
        int ho = (H + 2 * P - KS) / S + 1;
        int wo = (W + 2 * P - KS) / S + 1;
        double[][] yx = new double[K][d];
        double[] yu = new double[K];
        for (int b = 0; b < B; b++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    double[] patch = new double[d];
                    for (int ch = 0; ch < C; ch++) {
                        for (int i = 0; i < KS; i++) {
                            for (int j = 0; j < KS; j++) {
                                int iy = oy * S - P + i;
                                int ix = ox * S - P + j;
                                boolean inside = iy >= 0 && iy < H && ix >= 0 && ix < W;
                                patch[(ch * KS + i) * KS + j] = inside ? x[((b * C + ch) * H + iy) * W + ix] : 0;
                            }
                        }
                    }
                    double[] u = new double[K];
                    int winner = 0;
                    for (int k = 0; k < K; k++) {
                        for (int q = 0; q < d; q++) {
                            u[k] += w[k * d + q] * patch[q];
                        }
                        winner = u[k] > u[winner] ? k : winner;
                    }
                    double z = 0;
                    for (int k = 0; k < K; k++) {
                        z += Math.exp(u[k] / rule.temperature());
                    }
                    for (int k = 0; k < K; k++) {
                        double y = Math.exp(u[k] / rule.temperature()) / z;
                        if (rule.antiHebbian() && k != winner) {
                            y = -y;
                        }
                        yu[k] += y * u[k];
                        for (int q = 0; q < d; q++) {
                            yx[k][q] += y * patch[q];
                        }
                    }
                }
            }
        }
        double[] delta = new double[K * d];
        double max = 0;
        for (int k = 0; k < K; k++) {
            for (int q = 0; q < d; q++) {
                delta[k * d + q] = yx[k][q] - yu[k] * w[k * d + q];
                max = Math.max(max, Math.abs(delta[k * d + q]));
            }
        }
        double[] out = new double[K * d];
        for (int k = 0; k < K; k++) {
            double n0 = 0;
            double n1 = 0;
            for (int q = 0; q < d; q++) {
                out[k * d + q] = w[k * d + q] + rule.rate() * delta[k * d + q] / (max + 1e-30);
                n0 += (double) w[k * d + q] * w[k * d + q];
                n1 += out[k * d + q] * out[k * d + q];
            }
            if (rule.keepNorms()) {
                for (int q = 0; q < d; q++) {
                    out[k * d + q] *= Math.sqrt(n0) / Math.sqrt(n1);
                }
            }
        }
        return out;
    }
}
