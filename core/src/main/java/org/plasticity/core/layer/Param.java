package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Gradients;

/**
 * A trainable tensor of a network: its name, its value (a leaf that records gradients) and whether
 * the optimizer may currently change it. Parameters live in the network's long-lived manager and
 * are updated in place, so every reference to {@link #value()} stays valid for the whole run.
 */
public final class Param {
    private final String name;
    private final NDArray value;
    private boolean trainable = true;

    /** Wraps a tensor as a parameter and turns gradient recording on for it. */
    public Param(String name, NDArray value) {
        this.name = name;
        this.value = value;
        value.setRequiresGradient(true);
        value.setName(name);
    }

    public String name() {
        return name;
    }

    public NDArray value() {
        return value;
    }

    /** Number of dimensions of the value (the reference freezes 1-D parameters after task 0). */
    public int rank() {
        return value.getShape().dimension();
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /**
     * The accumulated gradient, or null when backward has not reached this parameter. The returned
     * wrapper shares storage with the real gradient (in-place edits change it) and must be closed
     * by the caller or by the enclosing step scope.
     */
    public NDArray gradient() {
        return value.hasGradient() ? value.getGradient() : null;
    }

    /** Zeroes the accumulated gradient in place. */
    public void zeroGradient() {
        Gradients.zero(value);
    }

    @Override
    public String toString() {
        return name + value.getShape();
    }
}
