package org.plasticity.trainers.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.Gradients;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.trainers.config.ExperimentConfig;

/**
 * Tent: one SGD step moves every BatchNorm γ and β by exactly {@code −lr·∂L/∂θ} of the batch's mean prediction
 * entropy under test-batch statistics (checked against central differences of that entropy), the batch is scored
 * on the pre-update forward, and nothing else in the network changes.
 */
class TentMethodTest extends AdaptFixture {
    private static final double LR = 0.5;

    private static boolean isBnAffine(String name) {
        return name.matches("bn\\d+\\.(weight|bias)");
    }

    @Test
    void updateEqualsTheEntropyGradientOnTheBatchNormAffine() {
        ExperimentConfig config = config("{\"type\": \"tent\", \"optimizer\": {\"type\": \"sgd\", \"lr\": " + LR + "}}");
        Network network = network(config);
        NDArray x = batch(4, 16);
        List<Param> affine = BatchNorms.affine(network);
        List<float[]> before = affine.stream().map(p -> p.value().toFloatArray()).toList();
        double[][] expected = new double[affine.size()][];
        network.setMode(Mode.ADAPT);
        for (int k = 0; k < affine.size(); k++) {
            expected[k] = centralDifferences(network, affine.get(k), x);
        }
        List<float[]> others = state(network, n -> !isBnAffine(n));
        float[] preUpdate = entropyFree(network, x);
        try (TentMethod tent = new TentMethod(new AdaptationContext(network, 0, config),
                (org.plasticity.trainers.config.TentAdaptation) config.adaptation().method());
             StepScope scope = StepScope.open()) {
            NDArray scored = tent.adapt(x);
            assertArrayEquals(preUpdate, scored.toFloatArray(), 1e-6f, "scored on the pre-update forward");
        }
        for (int k = 0; k < affine.size(); k++) {
            float[] after = affine.get(k).value().toFloatArray();
            for (int i = 0; i < after.length; i++) {
                double step = (before.get(k)[i] - after[i]) / LR;
                assertEquals(expected[k][i], step, 2e-3 + 2e-2 * Math.abs(expected[k][i]),
                        affine.get(k).name() + "[" + i + "]");
            }
        }
        List<float[]> othersAfter = state(network, n -> !isBnAffine(n));
        for (int i = 0; i < others.size(); i++) {
            assertArrayEquals(others.get(i), othersAfter.get(i), "tensor " + i + " outside the BatchNorm affine");
        }
        assertNotEquals(before.get(0)[0], affine.get(0).value().toFloatArray()[0], "γ moved");
    }

    private static float[] entropyFree(Network network, NDArray x) {
        try (StepScope scope = StepScope.open(); Gradients.AutoCloseableMode ignored = Gradients.notRecording()) {
            return network.forward(x, 0).toFloatArray();
        }
    }

    private static double entropy(Network network, NDArray x) {
        try (StepScope scope = StepScope.open(); Gradients.AutoCloseableMode ignored = Gradients.notRecording()) {
            float[] z = network.forward(x, 0).toFloatArray();
            int classes = 10;
            int b = z.length / classes;
            double sum = 0;
            for (int i = 0; i < b; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    max = Math.max(max, z[i * classes + c]);
                }
                double norm = 0;
                for (int c = 0; c < classes; c++) {
                    norm += Math.exp(z[i * classes + c] - max);
                }
                for (int c = 0; c < classes; c++) {
                    double logp = z[i * classes + c] - max - Math.log(norm);
                    sum -= Math.exp(logp) * logp;
                }
            }
            return sum / b;
        }
    }

    private static double[] centralDifferences(Network network, Param p, NDArray x) {
        float[] v = p.value().toFloatArray();
        double[] g = new double[v.length];
        float h = 1e-2f;
        for (int i = 0; i < v.length; i++) {
            float keep = v[i];
            v[i] = keep + h;
            p.value().set(v);
            double up = entropy(network, x);
            v[i] = keep - h;
            p.value().set(v);
            double down = entropy(network, x);
            v[i] = keep;
            p.value().set(v);
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }
}
