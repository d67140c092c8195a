package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.UnitGate;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.encoding.EncodedInput;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.neuron.SpikingNeuron;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Backpropagation through time with surrogate gradients: the neurons run step by step with the
 * graph recorded. Layers between neurons have no recurrence, so each layer's currents for all T
 * steps come from one matrix product on the time-major {@code [T·B, N]} activity; a
 * direct-encoded input's current is computed once and fed at every step.
 */
public final class BpttForward implements ForwardPass {
    private final List<LinearLayer> hidden;
    private final List<UnitGate> gates;
    private final List<SpikingNeuron> neurons;
    private final Encoder encoder;
    private final Readout readout;
    private final NetworkContext context;

    /**
     * @param hidden the hidden weight layers
     * @param gates the gate on each hidden layer's spikes
     * @param neurons one neuron layer per hidden layer, built from its width
     * @param encoder the input encoding
     * @param readout the readout over time
     * @param context shared network state
     */
    public BpttForward(List<LinearLayer> hidden, List<UnitGate> gates, IntFunction<SpikingNeuron> neurons,
                       Encoder encoder, Readout readout, NetworkContext context) {
        this.hidden = hidden;
        this.gates = gates;
        this.neurons = new ArrayList<>();
        for (LinearLayer layer : hidden) {
            this.neurons.add(neurons.apply(layer.outFeatures()));
        }
        this.encoder = encoder;
        this.readout = readout;
        this.context = context;
    }

    /** A factory for {@link SpikingMlp} with the given neurons, encoding and readout. */
    public static Factory factory(IntFunction<SpikingNeuron> neurons, Encoder encoder, Readout readout) {
        return (hidden, gates, context) -> new BpttForward(hidden, gates, neurons, encoder, readout, context);
    }

    @Override
    public NDArray features(NDArray x, LayerObserver observer) {
        int steps = context.timesteps();
        EncodedInput input = encoder.encode(x, steps);
        List<NDArray> activity = input.isStatic()
                ? Collections.nCopies(steps, input.staticInput())
                : split(input.timeMajor(), steps);
        for (int l = 0; l < hidden.size(); l++) {
            observer.onInput(new LayerInput(l, activity, null));
            List<NDArray> currents;
            if (l == 0 && input.isStatic()) {
                currents = Collections.nCopies(steps, hidden.get(0).apply(input.staticInput()));
            } else {
                NDArray timeMajor = l == 0 ? input.timeMajor() : NDArrays.concat(new NDList(activity), 0);
                currents = split(hidden.get(l).apply(timeMajor), steps);
            }
            activity = gates.get(l).apply(neurons.get(l).forward(currents));
        }
        observer.onInput(new LayerInput(hidden.size(), activity, null));
        return readout.apply(activity, context.constants());
    }

    private static List<NDArray> split(NDArray timeMajor, int steps) {
        return steps == 1 ? List.of(timeMajor) : timeMajor.split(steps, 0).getResourceNDArrays();
    }

    @Override
    public double readoutWeight() {
        return readout.coefficientSum();
    }

    @Override
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        neurons.forEach(n -> params.addAll(n.parameters()));
        return params;
    }
}
