package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

/**
 * The online LIF neuron of OTTT (hlop.md §1.3): the membrane carries no gradient through time,
 * {@code V_t = sg(V_{t−1})·(1 − 1/τ) + X_t} (or, with {@code decayInput}, {@code V_t = sg(V_{t−1}) +
 * (X_t − sg(V_{t−1}))/τ}, as the BPTT {@link LifNeuron}); spikes {@code s = H(V − Vth)} with a surrogate
 * derivative; soft reset with the spike detached; and a presynaptic trace
 * {@code â_t = â_{t−1}·(1 − 1/τ) + s_t} (no gradient) that the next layer's weight gradient uses.
 * One {@link State} per batch holds V and â between steps. As the membrane is detached after every step, the
 * reset is always detached: there is no {@code detachReset} choice here.
 */
public final class OnlineLif {
    private final double tau;
    private final double vth;
    private final boolean decayInput;
    private final Surrogate surrogate;
    private final Constants c;

    /** The reference's online LIF: the input is not decayed ({@code decay_input=False}). */
    public OnlineLif(double tau, double vth, Surrogate surrogate, Constants constants) {
        this(tau, vth, false, surrogate, constants);
    }

    /**
     * An online LIF.
     *
     * @param tau membrane time constant (&gt; 1 without {@code decayInput}, &gt; 0 with it)
     * @param vth firing threshold
     * @param decayInput whether the input is scaled by 1/τ as it charges the membrane
     * @param surrogate the spike's surrogate derivative
     * @param constants kept scalar constants
     */
    public OnlineLif(double tau, double vth, boolean decayInput, Surrogate surrogate, Constants constants) {
        this.tau = tau;
        this.vth = vth;
        this.decayInput = decayInput;
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
            NDArray charged = charge(current);
            NDArray spikes = surrogate.spike(charged.sub(c.of(vth)));
            NDArray fired = spikes.stopGradient();
            membrane = charged.sub(fired.mul(c.of(vth))).stopGradient();
            trace = trace == null ? fired : trace.mul(c.of(1 - 1 / tau)).add(fired);
            return spikes;
        }

        private NDArray charge(NDArray current) {
            if (decayInput) {
                // V + (X − V)/τ with the detached V, V = 0 at rest
                return membrane == null ? current.mul(c.of(1 / tau))
                        : membrane.add(current.sub(membrane).mul(c.of(1 / tau)));
            }
            return membrane == null ? current : membrane.mul(c.of(1 - 1 / tau)).add(current);
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
