package org.plasticity.core.net;

import ai.djl.ndarray.NDManager;
import org.plasticity.core.tensor.Constants;

/**
 * What a network's parts share: the long-lived manager that owns parameters and the kept
 * constants, and the number of timesteps.
 */
public record NetworkContext(NDManager manager, Constants constants, int timesteps) {
}
