package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

/**
 * The online LIF neuron of OTTT (hlop.md §1.3): the membrane carries no gradient through time,
 * {@code V_t = sg(V_{t−1})·(1 − 1/τ) + X_t}; spikes {@code s = H(V − Vth)} with a surrogate
 * derivative; soft reset with the spike detached; and a presynaptic trace
 * {@code â_t = â_{t−1}·(1 − 1/τ) + s_t} (no gradient) that the next layer's weight gradient uses.
 * One {@link State} per batch holds V and â between steps.
 */
public final class OnlineLif {
    private final double tau;
    private final double vth;
    private final Surrogate surrogate;
    private final Constants c;

    public OnlineLif(double tau, double vth, Surrogate surrogate, Constants constants) {
        this.tau = tau;
        this.vth = vth;
        this.surrogate = surrogate;
        this.c = constants;
    }

    /** Fresh state at rest, for one batch. */
    public State start() {
        return new State();
    }

    /** The membrane and trace of one layer over the steps of one batch. */
    public final class State {
        private NDArray membrane;
        private NDArray trace;

        /** Advances one step with input current {@code current}; returns the spikes (recorded). */
        public NDArray step(NDArray current) {
            NDArray charged = membrane == null ? current : membrane.mul(c.of(1 - 1 / tau)).add(current);
            NDArray spikes = surrogate.spike(charged.sub(c.of(vth)));
            NDArray fired = spikes.stopGradient();
            membrane = charged.sub(fired.mul(c.of(vth))).stopGradient();
            trace = trace == null ? fired : trace.mul(c.of(1 - 1 / tau)).add(fired);
            return spikes;
        }

        /** The presynaptic trace after the last step (no gradient). */
        public NDArray trace() {
            return trace;
        }

        /** The membrane after the last step's reset (no gradient). */
        public NDArray membrane() {
            return membrane;
        }
    }
}
