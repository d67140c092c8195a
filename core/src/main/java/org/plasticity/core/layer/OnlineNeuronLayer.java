package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.neuron.OnlineLif;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer of OTTT's online LIF neurons ({@link OnlineLif}: detached membrane, presynaptic trace). In
 * online training a network runs it one step at a time through {@link #start()}; its
 * {@link #forward} (evaluation) runs all T steps of a time-major input with a fresh state.
 */
public final class OnlineNeuronLayer implements Layer {
    private final String name;
    private final OnlineLif neuron;

    public OnlineNeuronLayer(String name, OnlineLif neuron) {
        this.name = name;
        this.neuron = neuron;
    }

    @Override
    public String name() {
        return name;
    }

    /** A fresh membrane and trace for the steps of one batch. */
    public OnlineLif.State start() {
        return neuron.start();
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        OnlineLif.State state = neuron.start();
        List<NDArray> spikes = new ArrayList<>();
        for (NDArray current : context.steps(input)) {
            spikes.add(state.step(current));
        }
        return Activity.timeMajor(spikes.size() == 1 ? spikes.get(0) : NDArrays.concat(new NDList(spikes), 0));
    }

    @Override
    public long[] outputShape(long[] input) {
        return input.clone();
    }
}
