package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;
import org.plasticity.core.tensor.Gradients;

/**
 * A spike function with an exact Heaviside forward and a smooth surrogate derivative backward.
 *
 * <p>DJL has no custom backward, so the spike is built as {@code H(x) + (x − sg(x))·sg(g(x))}
 * (djl.md §2): the second term is exactly zero in value, and its derivative with respect to
 * {@code x} is the surrogate derivative {@code g(x)}. {@code x} is the membrane potential minus the
 * threshold; {@code H(x) = 1} for {@code x ≥ 0}, as in SpikingJelly.
 */
public abstract class Surrogate {
    /** Kept constants for the scalar operands of the derivative. */
    protected final Constants c;

    protected Surrogate(Constants constants) {
        this.c = constants;
    }

    /** The config name of this surrogate (e.g. {@code sigmoid}). */
    public abstract String name();

    /**
     * The surrogate derivative evaluated on a tensor that records no gradient.
     *
     * @param x detached membrane potential minus threshold
     */
    protected abstract NDArray derivative(NDArray x);

    /** The same derivative in closed form, for tests and documentation. */
    public abstract double derivative(double x);

    /**
     * Spikes of {@code x = v − vth}: exactly 0/1 forward, surrogate derivative backward. Without recording
     * (evaluation) only the step is formed: the surrogate term adds an exact zero to it.
     */
    public NDArray spike(NDArray x) {
        NDArray detached = x.stopGradient();
        NDArray heaviside = Step.atLeast(detached, c.of(0), c);
        if (!Gradients.recording()) {
            return heaviside; // the surrogate term is zero in value and only carries the derivative
        }
        NDArray slope = derivative(detached);
        return heaviside.add(x.sub(detached).mul(slope));
    }
}
