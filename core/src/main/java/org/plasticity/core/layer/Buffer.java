package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

/**
 * A tensor of a layer that is state but not a parameter (BatchNorm's running mean and variance):
 * saved in checkpoints and with the weights, never optimised, updated in place by its layer.
 */
public final class Buffer {
    private final String name;
    private final NDArray value;

    /** Wraps a tensor that records no gradient. */
    public Buffer(String name, NDArray value) {
        this.name = name;
        this.value = value;
        value.setName(name);
    }

    public String name() {
        return name;
    }

    public NDArray value() {
        return value;
    }

    @Override
    public String toString() {
        return name + value.getShape();
    }
}
