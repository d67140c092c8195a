package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.neuron.SpikingNeuron;

import java.util.List;

/**
 * A layer of neurons with state over time, trained by backpropagation through time: the
 * time-major input currents are split into the T steps, the neurons run step by step with the
 * graph recorded ({@link SpikingNeuron}: LIF, IF, or a stateless ReLU for ordinary networks), and
 * the spikes are joined time-major again.
 */
public final class NeuronLayer implements Layer {
    private final String name;
    private final SpikingNeuron neuron;

    public NeuronLayer(String name, SpikingNeuron neuron) {
        this.name = name;
        this.neuron = neuron;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        List<NDArray> spikes = neuron.forward(context.steps(input));
        return Activity.timeMajor(spikes.size() == 1 ? spikes.get(0) : NDArrays.concat(new NDList(spikes), 0));
    }

    @Override
    public long[] outputShape(long[] input) {
        return input.clone();
    }

    @Override
    public List<Param> parameters() {
        return neuron.parameters();
    }
}
