package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * How a training method runs the spiking layers of a network over time (BPTT with surrogate
 * gradients, DSR's rate gradient, …). It maps a batch to the classifier's input under the
 * network's readout, {@code Σ_t a_t·s_t [B, H]}; the classifier is linear, so applying it to that
 * sum equals the readout of its per-step outputs and costs B rows instead of T·B.
 */
public interface ForwardPass {
    /**
     * Runs the hidden layers.
     *
     * @param x analog input batch {@code [B, D]}
     * @param observer receives each weight layer's presynaptic activity (the classifier's too)
     * @return the readout of the last hidden layer's spikes, the classifier's input
     */
    NDArray features(NDArray x, LayerObserver observer);

    /** {@code Σ_t a_t} of the readout (the classifier bias is scaled by it). */
    double readoutWeight();

    /** Parameters the pass owns besides the weight layers (trainable thresholds). */
    default List<Param> parameters() {
        return List.of();
    }

    /**
     * Restores the pass's constraints after an optimizer update (a threshold's lower bound);
     * called with gradient recording off.
     */
    default void afterUpdate() {
    }

    /**
     * Builds a pass over a network's hidden layers; {@code gates.get(l)} acts on the spikes of hidden
     * layer l's neurons (what the next layer, or the readout, receives).
     */
    @FunctionalInterface
    interface Factory {
        ForwardPass create(List<LinearLayer> hidden, List<UnitGate> gates, NetworkContext context);
    }
}
