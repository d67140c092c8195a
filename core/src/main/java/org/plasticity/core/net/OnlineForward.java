package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LayerInput;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.UnitGate;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.neuron.OnlineLif;
import org.plasticity.core.tensor.Gradients;

import java.util.ArrayList;
import java.util.List;

/**
 * Online training through time (OTTT, hlop.md §1.3): the network runs one step at a time and each
 * step's loss is backpropagated at once, with no gradient through time. Each layer after the first
 * computes its value from the previous layer's spikes and its weight gradient from their
 * presynaptic trace ({@link LinearLayer#applyWithTrace}); the first layer sees the static image.
 * Training uses {@link #begin}; {@link #features} (evaluation) runs all steps without a graph
 * and returns the readout of the last hidden layer's spikes (the reference sums them).
 */
public final class OnlineForward implements ForwardPass, OnlineTraining {
    private final List<LinearLayer> hidden;
    private final List<UnitGate> gates;
    private final List<OnlineLif> neurons;
    private final Readout readout;
    private final NetworkContext context;

    /**
     * @param gates the gate on each hidden layer's spikes; its trace is gated alike, without graph
     */
    public OnlineForward(List<LinearLayer> hidden, List<UnitGate> gates, OnlineLif neuron, Readout readout,
                         NetworkContext context) {
        if (hidden.isEmpty()) {
            throw new IllegalArgumentException("OTTT needs at least one hidden layer");
        }
        this.hidden = hidden;
        this.gates = gates;
        this.neurons = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            neurons.add(neuron);
        }
        this.readout = readout;
        this.context = context;
    }

    /** A factory for {@link SpikingMlp}. */
    public static Factory factory(OnlineLif neuron, Readout readout) {
        return (hidden, gates, context) -> new OnlineForward(hidden, gates, neuron, readout, context);
    }

    /** The last hidden layer's spikes and trace at one step: the classifier's input. */
    public record StepOutput(NDArray spikes, NDArray trace) {
    }

    /** The steps of one batch. */
    public final class Run implements OnlineTraining.Run {
        private final NDArray x;
        private final List<OnlineLif.State> states = new ArrayList<>();
        private int step;

        Run(NDArray x) {
            this.x = x;
            neurons.forEach(n -> states.add(n.start()));
        }

        @Override
        public int stepsDone() {
            return step;
        }

        /**
         * Runs the next step, recording the graph of this step only.
         *
         * @param observer receives each layer's presynaptic activity: the image for the first
         *     layer, spikes and traces stacked ({@code [2B, N]}) for the others, as the reference's
         *     Hebbian inputs
         */
        @Override
        public StepOutput next(LayerObserver observer) {
            if (step >= context.timesteps()) {
                throw new IllegalStateException("all " + context.timesteps() + " steps already run");
            }
            step++;
            observer.onInput(LayerInput.constant(0, x, 1, null));
            NDArray spikes = gates.get(0).apply(states.get(0).step(hidden.get(0).apply(x)));
            for (int l = 1; l < hidden.size(); l++) {
                NDArray trace = trace(l - 1);
                observeSpikesAndTrace(observer, l, spikes, trace);
                spikes = gates.get(l).apply(states.get(l).step(hidden.get(l).applyWithTrace(spikes, trace)));
            }
            NDArray trace = trace(hidden.size() - 1);
            observeSpikesAndTrace(observer, hidden.size(), spikes, trace);
            return new StepOutput(spikes, trace);
        }

        /** Layer l's presynaptic trace, gated as its spikes are. */
        private NDArray trace(int l) {
            return gates.get(l).applyDetached(states.get(l).trace());
        }
    }

    private static void observeSpikesAndTrace(LayerObserver observer, int layer, NDArray spikes, NDArray trace) {
        if (observer != LayerObserver.NONE) {
            NDArray both = NDArrays.concat(new NDList(spikes.stopGradient(), trace), 0);
            observer.onInput(LayerInput.constant(layer, both, 1, null));
        }
    }

    /** Starts the steps of a training batch (fresh neuron state). */
    @Override
    public Run begin(NDArray x) {
        return new Run(x);
    }

    @Override
    public NDArray features(NDArray x, LayerObserver observer) {
        try (Gradients.AutoCloseableMode g = Gradients.notRecording()) {
            Run run = begin(x);
            List<NDArray> out = new ArrayList<>();
            for (int t = 0; t < context.timesteps(); t++) {
                out.add(run.next(observer).spikes());
            }
            return readout.apply(out, context.constants());
        }
    }

    @Override
    public double readoutWeight() {
        return readout.coefficientSum();
    }
}
