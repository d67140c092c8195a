package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.layer.WeightInit;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A spiking multi-layer perceptron: hidden weight layers, each followed by spiking neurons, and
 * linear classifier heads (one shared head, or one per task) on the readout of the last hidden
 * layer. How the spiking layers run over time — and so how gradients flow — is the training
 * method's {@link ForwardPass}. Each hidden layer's spikes pass a {@link UnitGate} ({@code fc1},
 * {@code fc2}, …; open unless a method sets it) before the next layer or the readout. Parameters, constants and method state live in the network's own
 * manager until {@link #close()}.
 */
public final class SpikingMlp implements Network {
    private final MlpSpec spec;
    private final NDManager manager;
    private final Constants constants;
    private final List<LinearLayer> hidden = new ArrayList<>();
    private final List<LinearLayer> heads = new ArrayList<>();
    private final ForwardPass pass;
    private final UnitGates gates;
    private Mode mode = Mode.TRAIN;

    /**
     * Builds and initialises the network.
     *
     * @param spec the shape
     * @param passFactory the training method's forward pass
     * @param parent manager on the run's device; the network opens its own sub-manager
     * @param seed seed of the initial weights
     */
    public SpikingMlp(MlpSpec spec, ForwardPass.Factory passFactory, NDManager parent, long seed) {
        this(spec, passFactory, ErrorRoutes.BACKPROP, parent, seed);
    }

    /**
     * Builds and initialises the network with an error route per weight layer.
     *
     * @param routes the error route of each weight layer (hidden layers and heads)
     */
    public SpikingMlp(MlpSpec spec, ForwardPass.Factory passFactory, ErrorRoutes routes, NDManager parent,
                      long seed) {
        this.spec = spec;
        this.manager = parent.newSubManager();
        this.constants = new Constants(manager);
        SplittableRandom random = new SplittableRandom(seed);
        int in = spec.inputDim();
        for (int l = 0; l < spec.hidden().size(); l++) {
            int out = spec.hidden().get(l);
            hidden.add(new LinearLayer(l, "fc" + (l + 1), in, out, spec.bias(), WeightInit.PYTORCH_DEFAULT, manager,
                    random));
            in = out;
        }
        for (int h = 0; h < spec.headOutputs().size(); h++) {
            heads.add(new LinearLayer(spec.hidden().size(), "head" + h, in, spec.headOutputs().get(h), spec.bias(),
                    WeightInit.PYTORCH_DEFAULT, manager, random));
        }
        // routes draw from a stream split off after the weights, so weights do not depend on the route
        SplittableRandom routeRandom = random.split();
        for (WeightLayer layer : weightLayers()) {
            layer.setErrorRoute(routes.create(layer, manager, constants, routeRandom));
        }
        UnitGates.Builder gating = new UnitGates.Builder();
        List<UnitGate> hiddenGates = new ArrayList<>();
        UnitGate previous = null;
        for (LinearLayer layer : hidden) {
            UnitGate gate = gating.gate(layer.name(), layer.outFeatures());
            gating.wire(layer, previous, gate);
            hiddenGates.add(gate);
            previous = gate;
        }
        this.gates = gating.readout(previous, 1).build();
        this.pass = passFactory.create(Collections.unmodifiableList(hidden), List.copyOf(hiddenGates),
                new NetworkContext(manager, constants, spec.timesteps()));
    }

    public MlpSpec spec() {
        return spec;
    }

    @Override
    public int timesteps() {
        return spec.timesteps();
    }

    /** The classifier's input {@code [B, H]} for a batch; see {@link ForwardPass#features}. */
    @Override
    public NDArray features(NDArray x, LayerObserver observer) {
        return pass.features(x, observer);
    }

    @Override
    public NDArray logits(NDArray features, int head) {
        return heads.get(head).applyToSum(features, pass.readoutWeight(), constants);
    }

    @Override
    public OnlineForward online() {
        return pass instanceof OnlineForward o ? o : null;
    }

    /** Restores parameter constraints after an optimizer update (see {@link ForwardPass#afterUpdate}). */
    @Override
    public void afterUpdate() {
        pass.afterUpdate();
    }

    /** The hidden weight layers, input side first. */
    public List<LinearLayer> hiddenLayers() {
        return Collections.unmodifiableList(hidden);
    }

    @Override
    public List<WeightLayer> bodyWeightLayers() {
        return Collections.unmodifiableList(new ArrayList<>(hidden));
    }

    /** The classifier heads. */
    @Override
    public List<LinearLayer> heads() {
        return Collections.unmodifiableList(heads);
    }

    /** One gate per hidden layer, on its spikes. */
    @Override
    public UnitGates unitGates() {
        return gates;
    }

    /** All parameters: weight layers, heads and those of the forward pass (thresholds). */
    @Override
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        hidden.forEach(l -> params.addAll(l.parameters()));
        heads.forEach(l -> params.addAll(l.parameters()));
        params.addAll(pass.parameters());
        return params;
    }

    /** An MLP has no buffers. */
    @Override
    public List<Buffer> buffers() {
        return List.of();
    }

    /** An MLP has no normalisation or dropout: the mode is kept but changes nothing. */
    @Override
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public void freezeStatistics() {
    }

    /** Saves every parameter's value and whether it is trainable. */
    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        NetworkState.save(this, checkpoint, prefix);
    }

    /** Restores every parameter in place, bit for bit. */
    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        NetworkState.restore(this, checkpoint, prefix);
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Constants constants() {
        return constants;
    }

    @Override
    public void close() {
        constants.close();
        manager.close();
    }
}
