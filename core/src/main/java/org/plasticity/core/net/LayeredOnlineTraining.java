package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.plasticity.core.layer.Activity;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.ForwardContext;
import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.OnlineNeuronLayer;
import org.plasticity.core.layer.PreActivationBlock;
import org.plasticity.core.layer.TimeLinear;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.neuron.OnlineLif;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * OTTT through a network of layers, one step at a time: the static image enters every step; a
 * weight layer after neurons computes its value from their spikes and its weight gradient from
 * their presynaptic trace ({@link WeightLayer#applyWithTrace}); linear stateless layers (average
 * pooling, flatten) map spikes and trace alike; BatchNorm and the residual stream see currents
 * (no trace); online neurons keep their detached membrane and trace between steps. BatchNorm in
 * train mode normalises each step's B rows and updates its statistics at every step (the
 * reference has no OTTT conv nets: reconstructed). Max pooling has no trace rule and is refused. A set
 * {@link UnitGate} multiplies the spikes and the trace of the layer it follows alike.
 */
final class LayeredOnlineTraining implements OnlineTraining {
    /** One step's signal: the value with its graph and, after neurons, their trace (else null). */
    private record Signal(NDArray value, NDArray trace) {
    }

    private final LayeredNetwork network;

    LayeredOnlineTraining(LayeredNetwork network) {
        this.network = network;
    }

    @Override
    public Run begin(NDArray x) {
        return new LayeredRun(network.image(x));
    }

    private final class LayeredRun implements Run {
        private final NDArray image;
        private final Map<OnlineNeuronLayer, OnlineLif.State> states = new IdentityHashMap<>();
        private int step;

        LayeredRun(NDArray image) {
            this.image = image;
        }

        @Override
        public int stepsDone() {
            return step;
        }

        @Override
        public OnlineForward.StepOutput next(LayerObserver observer) {
            if (step >= network.timesteps()) {
                throw new IllegalStateException("all " + network.timesteps() + " steps already run");
            }
            step++;
            ForwardContext context = new ForwardContext(network.timesteps(), network.mode(), network.constants(),
                    observer, null, true, network.unitGates());
            Signal s = new Signal(image, null);
            for (Layer layer : network.body()) {
                s = apply(layer, s, context);
            }
            observe(context, network.bodyWeightLayers().size(), s);
            return new OnlineForward.StepOutput(s.value(), s.trace());
        }

        /** A layer's signal, then the gate on its output (spikes and trace alike), if one is set. */
        private Signal apply(Layer layer, Signal in, ForwardContext context) {
            Signal out = applyLayer(layer, in, context);
            UnitGate gate = context.gateAfter(layer);
            return gate == null ? out
                    : new Signal(gate.apply(out.value()), out.trace() == null ? null : gate.applyDetached(out.trace()));
        }

        private Signal applyLayer(Layer layer, Signal in, ForwardContext context) {
            if (layer instanceof WeightLayer w) {
                observe(context, w.index(), in);
                return new Signal(in.trace() == null ? w.apply(in.value()) : w.applyWithTrace(in.value(), in.trace()),
                        null);
            }
            if (layer instanceof OnlineNeuronLayer n) {
                OnlineLif.State state = states.computeIfAbsent(n, OnlineNeuronLayer::start);
                NDArray spikes = state.step(in.value());
                return new Signal(spikes, state.trace());
            }
            if (layer instanceof PreActivationBlock block) {
                List<Layer> c = block.children();
                Signal p = apply(c.get(1), apply(c.get(0), in, context), context);
                Signal h = apply(c.get(5), apply(c.get(4), apply(c.get(3), apply(c.get(2), p, context), context),
                        context), context);
                Signal shortcut = c.size() > 6 ? apply(c.get(6), p, context) : in;
                return new Signal(h.value().add(shortcut.value()), null);
            }
            if (layer instanceof BatchNormLayer bn) {
                requireCurrent(bn, in);
                return new Signal(bn.forward(Activity.timeMajor(in.value()), context).value(), null);
            }
            if (layer instanceof TimeLinear linear && linear.timeLinear(context)) {
                NDArray trace = in.trace() == null ? null : linear.applyToSum(in.trace(), 1, context);
                return new Signal(linear.applyToSum(in.value(), 1, context), trace);
            }
            throw new IllegalStateException("OTTT has no rule for layer " + layer.name() + " ("
                    + layer.getClass().getSimpleName() + ")");
        }

        private void requireCurrent(Layer layer, Signal in) {
            if (in.trace() != null) {
                throw new IllegalStateException("OTTT: " + layer.name() + " right after neurons has no trace rule");
            }
        }

        /** The reference's Hebbian rows: the input itself, or spikes and traces stacked after neurons. */
        private void observe(ForwardContext context, int index, Signal in) {
            if (!context.observing()) {
                return;
            }
            NDArray value = in.value().stopGradient();
            NDArray rows = in.trace() == null ? value : NDArrays.concat(new NDList(value, in.trace()), 0);
            context.observe(index, Activity.constant(rows));
        }
    }
}
