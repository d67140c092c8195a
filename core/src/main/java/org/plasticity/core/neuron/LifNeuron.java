package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * Leaky integrate-and-fire neurons for BPTT, SpikingJelly's multi-step LIF with soft reset:
 * charge {@code V ← V·(1 − 1/τ) + X} ({@code decayInput=false}) or {@code V ← V + (X − V)/τ}
 * ({@code decayInput=true}); fire {@code s = H(V − Vth)} with a surrogate derivative; reset by
 * subtraction {@code V ← V − s·Vth}, where the reset's spike is detached when
 * {@code detachReset} is set. The gradient flows through the membrane across time.
 */
public final class LifNeuron implements SpikingNeuron {
    private final double tau;
    private final double vth;
    private final boolean decayInput;
    private final boolean detachReset;
    private final Surrogate surrogate;
    private final Constants c;

    /** Creates the neurons; {@code tau} must exceed 0 (and 1 when {@code decayInput} is false). */
    public LifNeuron(double tau, double vth, boolean decayInput, boolean detachReset,
                     Surrogate surrogate, Constants constants) {
        this.tau = tau;
        this.vth = vth;
        this.decayInput = decayInput;
        this.detachReset = detachReset;
        this.surrogate = surrogate;
        this.c = constants;
    }

    @Override
    public List<NDArray> forward(List<NDArray> currents) {
        return run(currents, null);
    }

    /**
     * Runs the neurons and, when {@code membranes} is not null, appends the membrane potential of
     * each step after its reset.
     */
    public List<NDArray> run(List<NDArray> currents, List<NDArray> membranes) {
        List<NDArray> spikes = new ArrayList<>(currents.size());
        NDArray v = null;
        for (NDArray x : currents) {
            v = charge(v, x);
            NDArray s = surrogate.spike(v.sub(c.of(vth)));
            NDArray reset = detachReset ? s.stopGradient() : s;
            v = v.sub(reset.mul(c.of(vth)));
            spikes.add(s);
            if (membranes != null) {
                membranes.add(v);
            }
        }
        return spikes;
    }

    private NDArray charge(NDArray v, NDArray x) {
        if (decayInput) {
            // V + (X − V)/τ, with V = 0 at rest
            return v == null ? x.mul(c.of(1 / tau)) : v.add(x.sub(v).mul(c.of(1 / tau)));
        }
        return v == null ? x : v.mul(c.of(1 - 1 / tau)).add(x);
    }
}
