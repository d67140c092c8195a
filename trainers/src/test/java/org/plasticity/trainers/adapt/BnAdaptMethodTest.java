package org.plasticity.trainers.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.trainers.config.BnAdaptation;
import org.plasticity.trainers.config.ExperimentConfig;

/**
 * BatchNorm adaptation: the same samples get other outputs in another batch (test-batch statistics), the source
 * method's outputs do not depend on the batch, nothing in the network changes, and a snapshot restores a changed
 * network bit for bit.
 */
class BnAdaptMethodTest extends AdaptFixture {

    private static float[] firstRows(NDArray logits, int rows) {
        return logits.get(new NDIndex("0:{}", rows)).toFloatArray();
    }

    @Test
    void outputsDependOnTheBatchAndTheNetworkStaysUnchanged() {
        ExperimentConfig config = config("{\"type\": \"bn-adapt\"}");
        Network network = network(config);
        List<float[]> before = state(network, n -> true);
        NDArray shared = batch(1, 4);
        try (BnAdaptMethod method = new BnAdaptMethod(new AdaptationContext(network, 0, config),
                (BnAdaptation) config.adaptation().method()); StepScope scope = StepScope.open()) {
            float[] inOne = firstRows(method.adapt(NDArrays.concat(new ai.djl.ndarray.NDList(shared, batch(2, 12)))), 4);
            float[] inOther = firstRows(method.adapt(NDArrays.concat(new ai.djl.ndarray.NDList(shared, batch(3, 12)))), 4);
            assertFalse(Arrays.equals(inOne, inOther), "test-batch statistics make the output depend on the batch");
        }
        List<float[]> after = state(network, n -> true);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "tensor " + i);
        }
    }

    @Test
    void sourceOutputsDoNotDependOnTheBatch() {
        ExperimentConfig config = config("{\"type\": \"source\"}");
        Network network = network(config);
        NDArray shared = batch(1, 4);
        try (SourceMethod method = new SourceMethod(new AdaptationContext(network, 0, config));
             StepScope scope = StepScope.open()) {
            float[] inOne = firstRows(method.adapt(NDArrays.concat(new ai.djl.ndarray.NDList(shared, batch(2, 12)))), 4);
            float[] inOther = firstRows(method.adapt(NDArrays.concat(new ai.djl.ndarray.NDList(shared, batch(3, 12)))), 4);
            assertArrayEquals(inOne, inOther, 1e-6f, "running statistics: a sample's output is its own");
        }
    }

    @Test
    void alphaZeroEqualsTheSourceModel() {
        ExperimentConfig config = config("{\"type\": \"bn-adapt\", \"alpha\": 0.0}");
        Network network = network(config);
        NDArray x = batch(5, 16);
        float[] source;
        try (SourceMethod method = new SourceMethod(new AdaptationContext(network, 0, config));
             StepScope scope = StepScope.open()) {
            source = method.adapt(x).toFloatArray();
        }
        try (BnAdaptMethod method = new BnAdaptMethod(new AdaptationContext(network, 0, config),
                (BnAdaptation) config.adaptation().method()); StepScope scope = StepScope.open()) {
            assertArrayEquals(source, method.adapt(x).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void snapshotRestoresTheSourceExactly() {
        ExperimentConfig config = config("{\"type\": \"tent\", \"optimizer\": {\"type\": \"sgd\", \"lr\": 1.0}}");
        Network network = network(config);
        List<float[]> source = state(network, n -> true);
        NetworkSnapshot snapshot = new NetworkSnapshot(network);
        try (TentMethod tent = new TentMethod(new AdaptationContext(network, 0, config),
                (org.plasticity.trainers.config.TentAdaptation) config.adaptation().method())) {
            for (int b = 0; b < 3; b++) {
                try (StepScope scope = StepScope.open()) {
                    tent.adapt(batch(10 + b, 16));
                }
            }
            List<float[]> adapted = state(network, n -> true);
            assertFalse(Arrays.equals(source.get(1), adapted.get(1)) && Arrays.equals(source.get(2), adapted.get(2)),
                    "the adaptation changed the network");
            snapshot.restore();
            tent.reset();
        }
        List<float[]> restored = state(network, n -> true);
        for (int i = 0; i < source.size(); i++) {
            assertArrayEquals(source.get(i), restored.get(i), "tensor " + i);
        }
    }
}
