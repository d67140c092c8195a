package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.List;

/**
 * Integrate-and-fire neurons (no leak) for BPTT: {@code V ← V + X}, fire at {@code V ≥ Vth} with a
 * surrogate derivative, soft reset {@code V ← V − s·Vth} (reset spike optionally detached).
 */
public final class IfNeuron implements SpikingNeuron {
    private final double vth;
    private final boolean detachReset;
    private final Surrogate surrogate;
    private final Constants c;

    public IfNeuron(double vth, boolean detachReset, Surrogate surrogate, Constants constants) {
        this.vth = vth;
        this.detachReset = detachReset;
        this.surrogate = surrogate;
        this.c = constants;
    }

    @Override
    public List<NDArray> forward(List<NDArray> currents) {
        List<NDArray> spikes = new ArrayList<>(currents.size());
        NDArray v = null;
        for (NDArray x : currents) {
            v = v == null ? x : v.add(x);
            NDArray s = surrogate.spike(v.sub(c.of(vth)));
            NDArray reset = detachReset ? s.stopGradient() : s;
            v = v.sub(reset.mul(c.of(vth)));
            spikes.add(s);
        }
        return spikes;
    }
}
