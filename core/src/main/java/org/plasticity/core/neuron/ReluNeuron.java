package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The activation of an ordinary (non-spiking) network, {@code y = max(x, 0)} at every step with no
 * state: with T = 1 a network of these is the same graph as the spiking one without spikes, which
 * test-time adaptation compares against the literature.
 */
public final class ReluNeuron implements SpikingNeuron {
    @Override
    public List<NDArray> forward(List<NDArray> currents) {
        List<NDArray> out = new ArrayList<>(currents.size());
        for (NDArray x : currents) {
            out.add(ai.djl.nn.Activation.relu(x));
        }
        return out;
    }
}
