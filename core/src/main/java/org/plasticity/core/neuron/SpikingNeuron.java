package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.Param;

import java.util.List;

/**
 * A layer of spiking neurons run over T timesteps: input currents in, spikes out, one tensor
 * {@code [B, N]} per step. The same tensor may appear at several steps (a direct-encoded input
 * current is computed once and fed at every step). The state starts at rest on every call, which
 * is SpikingJelly's {@code reset_net} after each batch.
 */
public interface SpikingNeuron {
    /** Runs the neurons over the steps of {@code currents} and returns the spikes of each step. */
    List<NDArray> forward(List<NDArray> currents);

    /** Trainable parameters of the neurons themselves (a trainable threshold), if any. */
    default List<Param> parameters() {
        return List.of();
    }
}
