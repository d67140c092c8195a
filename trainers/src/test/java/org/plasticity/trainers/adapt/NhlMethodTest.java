package org.plasticity.trainers.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.core.layer.Param;
import org.plasticity.core.net.Network;
import org.plasticity.core.tensor.StepScope;
import org.plasticity.trainers.config.BnAdaptation;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.NhlAdaptation;

/**
 * NHL: only the neuro-modulator receives gradients, the classifier and every layer above conv1 stay bit-unchanged,
 * conv1 changes by the Hebbian rule alone, and without the Hebbian step, scored before the modulator's first update,
 * NHL predicts exactly what BatchNorm adaptation predicts (the modulator starts as the identity). Also on a spiking
 * (LIF, T = 4) source.
 */
class NhlMethodTest extends AdaptFixture {
    private static final String LIF = "{\"type\": \"lif\", \"tau\": 2.0, \"vth\": 0.5}";

    private static boolean upper(String name) {
        return !name.startsWith("modulator.") && !name.equals("conv1.weight");
    }

    @Test
    void onlyTheModulatorLearnsAndUpperLayersStayUnchanged() {
        check(config("{\"type\": \"nhl\", \"hebbianRate\": 0.01, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.5}}"));
    }

    @Test
    void spikingSourceToo() {
        check(config("{\"type\": \"nhl\", \"hebbianRate\": 0.01, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.5}}",
                LIF, 4));
    }

    private void check(ExperimentConfig config) {
        Network network = network(config);
        List<float[]> upperBefore = state(network, NhlMethodTest::upper);
        float[] conv1 = state(network, n -> n.equals("conv1.weight")).get(0);
        List<float[]> modulator = state(network, n -> n.startsWith("modulator."));
        assertTrue(modulator.size() == 2, "gain and shift");
        try (NhlMethod nhl = new NhlMethod(new AdaptationContext(network, 0, config),
                (NhlAdaptation) config.adaptation().method())) {
            for (int b = 0; b < 3; b++) {
                try (StepScope scope = StepScope.open()) {
                    nhl.adapt(batch(20 + b, 16));
                    for (Param p : network.parameters()) {
                        if (!p.name().startsWith("modulator.")) {
                            assertNull(p.gradient(), p.name() + " received a gradient");
                        }
                    }
                }
            }
        }
        List<float[]> upperAfter = state(network, NhlMethodTest::upper);
        for (int i = 0; i < upperBefore.size(); i++) {
            assertArrayEquals(upperBefore.get(i), upperAfter.get(i), "upper tensor " + i);
        }
        assertFalse(Arrays.equals(conv1, state(network, n -> n.equals("conv1.weight")).get(0)), "Hebbian conv1");
        List<float[]> modulated = state(network, n -> n.startsWith("modulator."));
        assertFalse(Arrays.equals(modulator.get(0), modulated.get(0)), "the modulator's gain learnt");
    }

    @Test
    void withoutTheHebbianStepNhlStartsAsBatchNormAdaptation() {
        ExperimentConfig nhlConfig = config(
                "{\"type\": \"nhl\", \"hebbianRate\": 0.0, \"predict\": \"before\"}");
        Network network = network(nhlConfig);
        NDArray x = batch(7, 16);
        ExperimentConfig bnConfig = config("{\"type\": \"bn-adapt\"}");
        float[] bn;
        try (BnAdaptMethod method = new BnAdaptMethod(new AdaptationContext(network, 0, bnConfig),
                (BnAdaptation) bnConfig.adaptation().method()); StepScope scope = StepScope.open()) {
            bn = method.adapt(x).toFloatArray();
        }
        try (NhlMethod method = new NhlMethod(new AdaptationContext(network, 0, nhlConfig),
                (NhlAdaptation) nhlConfig.adaptation().method()); StepScope scope = StepScope.open()) {
            assertArrayEquals(bn, method.adapt(x).toFloatArray(), 0f);
        }
    }
}
