package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;

/**
 * Turns a batch of analog inputs {@code [B, D]} into the network's input over T timesteps.
 */
public interface Encoder {
    /** Encodes a batch for {@code timesteps} steps. */
    EncodedInput encode(NDArray x, int timesteps);

    /** The config name of this encoding. */
    String name();
}
