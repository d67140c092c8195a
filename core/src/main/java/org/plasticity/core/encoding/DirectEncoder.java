package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;

/** Direct (analog) encoding: the input current is the sample itself at every step. */
public final class DirectEncoder implements Encoder {
    @Override
    public EncodedInput encode(NDArray x, int timesteps) {
        return new EncodedInput(x, null, timesteps);
    }

    @Override
    public String name() {
        return "direct";
    }
}
