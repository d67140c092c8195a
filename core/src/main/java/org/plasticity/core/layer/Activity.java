package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.function.UnaryOperator;

/**
 * What flows between the layers of a network over the T timesteps of one batch: either one
 * tensor {@code [B, ...]} that is the same at every step (a direct-encoded input, and what layers
 * without state make of it), or a time-major tensor {@code [T·B, ...]} whose row {@code t·B + b}
 * is sample b at step t. A static activity lets the first weight layer compute its output once
 * instead of T times.
 *
 * <p>After DSR neurons an activity may also carry a {@link DeferredSum}: the same signal as a
 * differentiable weighted sum over time on B rows, for consumers whose input gradient is the same
 * at every step (the next DSR neurons, the readout). {@link #value()} always holds the exact
 * per-step form; layers that do not know the deferred sum simply use it.
 *
 * @param value the tensor
 * @param isStatic whether {@code value} is the same at every step ({@code [B, ...]})
 * @param deferred the B-row form for time-linear consumers, or null
 */
public record Activity(NDArray value, boolean isStatic, DeferredSum deferred) {
    /** An activity without a deferred sum. */
    public Activity(NDArray value, boolean isStatic) {
        this(value, isStatic, null);
    }

    /** The same tensor at every step. */
    public static Activity constant(NDArray value) {
        return new Activity(value, true);
    }

    /** A time-major tensor {@code [T·B, ...]}. */
    public static Activity timeMajor(NDArray value) {
        return new Activity(value, false);
    }

    /** A layer without state applied to every step: static stays static; a deferred sum is dropped. */
    public Activity map(UnaryOperator<NDArray> op) {
        return new Activity(op.apply(value), isStatic);
    }

    /** This activity carrying {@code sum} as its B-row form. */
    public Activity withDeferred(DeferredSum sum) {
        return new Activity(value, isStatic, sum);
    }

    /** Number of samples B, given the number of timesteps T. */
    public long batch(int timesteps) {
        long rows = value.getShape().get(0);
        return isStatic ? rows : rows / timesteps;
    }
}
