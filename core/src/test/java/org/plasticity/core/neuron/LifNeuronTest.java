package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.plasticity.core.tensor.EngineFixture;
import org.plasticity.core.tensor.StepScope;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LifNeuronTest extends EngineFixture {

    private List<NDArray> inputs(float... values) {
        List<NDArray> steps = new ArrayList<>();
        for (float v : values) {
            steps.add(manager.create(new float[] {v, 2 * v}, new ai.djl.ndarray.types.Shape(1, 2)));
        }
        return steps;
    }

    @Test
    void membraneAndSpikesMatchAHandComputedTrace() {
        // tau 2, Vth 1, decayInput false: V = 0.5 V + X; fire at V >= 1; V -= s
        LifNeuron lif = new LifNeuron(2, 1, false, true, Surrogates.create("sigmoid", 4, c), c);
        try (StepScope scope = StepScope.open()) {
            List<NDArray> membranes = new ArrayList<>();
            List<NDArray> spikes = lif.run(inputs(0.6f, 0.6f, 0.6f, 1.5f), membranes);
            // neuron 0: 0.6 | 0.9 | 1.05 -> spike -> 0.05 | 1.525 -> spike -> 0.525
            // neuron 1: 1.2 spike -> 0.2 | 1.3 spike -> 0.3 | 1.35 spike -> 0.35 | 3.175 spike -> 2.175
            float[][] expectedV = {{0.6f, 0.2f}, {0.9f, 0.3f}, {0.05f, 0.35f}, {0.525f, 2.175f}};
            float[][] expectedS = {{0, 1}, {0, 1}, {1, 1}, {1, 1}};
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(expectedV[t], membranes.get(t).toFloatArray(), 1e-6f, "V at t=" + t);
                assertArrayEquals(expectedS[t], spikes.get(t).toFloatArray(), 0f, "s at t=" + t);
            }
        }
    }

    @Test
    void decayInputChargesTowardsTheInput() {
        // tau 2, decayInput true: V = V + (X - V)/2
        LifNeuron lif = new LifNeuron(2, 1, true, true, Surrogates.create("atan", 2, c), c);
        try (StepScope scope = StepScope.open()) {
            List<NDArray> membranes = new ArrayList<>();
            lif.run(inputs(1.0f, 1.0f, 3.0f), membranes);
            // neuron 0: 0.5 | 0.75 | 1.875 -> spike -> 0.875
            assertEquals(0.5f, membranes.get(0).toFloatArray()[0], 1e-6f);
            assertEquals(0.75f, membranes.get(1).toFloatArray()[0], 1e-6f);
            assertEquals(0.875f, membranes.get(2).toFloatArray()[0], 1e-6f);
        }
    }

    @Test
    void integrateAndFireNeverLeaks() {
        IfNeuron neuron = new IfNeuron(1, true, Surrogates.create("sigmoid", 4, c), c);
        try (StepScope scope = StepScope.open()) {
            List<NDArray> spikes = neuron.forward(inputs(0.5f, 0.5f, 0.5f, 0.5f, 0.5f));
            // neuron 0: 0.5, 1.0 spike -> 0, 0.5, 1.0 spike -> 0, 0.5
            float[] s0 = new float[5];
            for (int t = 0; t < 5; t++) {
                s0[t] = spikes.get(t).toFloatArray()[0];
            }
            assertArrayEquals(new float[] {0, 1, 0, 1, 0}, s0, 0f);
        }
    }
}
