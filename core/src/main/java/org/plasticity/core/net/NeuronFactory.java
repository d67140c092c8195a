package org.plasticity.core.net;

import org.plasticity.core.layer.Layer;

/**
 * Makes the neuron layers of an architecture for the training method at hand: BPTT LIF or IF
 * neurons, DSR neurons with their trainable threshold, or ReLU for an ordinary network. The
 * architecture decides where neurons go; the training method decides what they are.
 */
@FunctionalInterface
public interface NeuronFactory {
    /** A neuron layer named {@code name} (its parameters are prefixed with it). */
    Layer create(String name, NetworkContext context);
}
