package org.plasticity.core.net;

import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Param;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.state.Stateful;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A spiking multi-layer perceptron: hidden weight layers, each followed by spiking neurons, and
 * linear classifier heads (one shared head, or one per task) on the readout of the last hidden
 * layer. How the spiking layers run over time — and so how gradients flow — is the training
 * method's {@link ForwardPass}. Parameters, constants and method state live in the network's own
 * manager until {@link #close()}.
 */
public final class SpikingMlp implements Stateful, AutoCloseable {
    private final MlpSpec spec;
    private final NDManager manager;
    private final Constants constants;
    private final List<LinearLayer> hidden = new ArrayList<>();
    private final List<LinearLayer> heads = new ArrayList<>();
    private final ForwardPass pass;

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
            hidden.add(new LinearLayer("fc" + (l + 1), in, out, spec.bias(), manager, random));
            in = out;
        }
        for (int h = 0; h < spec.headOutputs().size(); h++) {
            heads.add(new LinearLayer("head" + h, in, spec.headOutputs().get(h), spec.bias(), manager, random));
        }
        // routes draw from a stream split off after the weights, so weights do not depend on the route
        SplittableRandom routeRandom = random.split();
        for (LinearLayer layer : weightLayers()) {
            layer.setErrorRoute(routes.create(layer, manager, constants, routeRandom));
        }
        this.pass = passFactory.create(Collections.unmodifiableList(hidden),
                new NetworkContext(manager, constants, spec.timesteps()));
    }

    public MlpSpec spec() {
        return spec;
    }

    /** The classifier's input {@code [B, H]} for a batch; see {@link ForwardPass#features}. */
    public NDArray features(NDArray x, LayerObserver observer) {
        return pass.features(x, observer);
    }

    /** Logits {@code [B, C]} of head {@code head} for features from {@link #features}. */
    public NDArray logits(NDArray features, int head) {
        return heads.get(head).applyToSum(features, pass.readoutWeight(), constants);
    }

    /** The online (OTTT) forward pass, or null when the network trains another way. */
    public OnlineForward online() {
        return pass instanceof OnlineForward o ? o : null;
    }

    /** OTTT: logits of one step, the head's weight gradient taken from the trace. */
    public NDArray stepLogits(OnlineForward.StepOutput output, int head) {
        return heads.get(head).applyWithTrace(output.spikes(), output.trace());
    }

    /** Logits of a batch through one head. */
    public NDArray forward(NDArray x, int head) {
        return logits(features(x, LayerObserver.NONE), head);
    }

    /** Restores parameter constraints after an optimizer update (see {@link ForwardPass#afterUpdate}). */
    public void afterUpdate() {
        pass.afterUpdate();
    }

    /** The hidden weight layers, input side first. */
    public List<LinearLayer> hiddenLayers() {
        return Collections.unmodifiableList(hidden);
    }

    /** The classifier heads. */
    public List<LinearLayer> heads() {
        return Collections.unmodifiableList(heads);
    }

    /** Every weight layer: hidden layers then heads. */
    public List<LinearLayer> weightLayers() {
        List<LinearLayer> all = new ArrayList<>(hidden);
        all.addAll(heads);
        return all;
    }

    /** All parameters: weight layers, heads and those of the forward pass (thresholds). */
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        weightLayers().forEach(l -> params.addAll(l.parameters()));
        params.addAll(pass.parameters());
        return params;
    }

    /** Saves every parameter's value and whether it is trainable. */
    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        for (Param p : parameters()) {
            checkpoint.putTensor(prefix + "param/" + p.name(), p.value());
            checkpoint.putLongs(prefix + "trainable/" + p.name(), p.trainable() ? 1 : 0);
        }
    }

    /** Restores every parameter in place, bit for bit. */
    @Override
    public void restoreState(Checkpoint checkpoint, String prefix) {
        for (Param p : parameters()) {
            try (NDArray saved = checkpoint.tensor(prefix + "param/" + p.name(), manager)) {
                if (!saved.getShape().equals(p.value().getShape())) {
                    throw new IllegalStateException("checkpoint holds " + p.name() + saved.getShape()
                            + " but the network has " + p.value().getShape());
                }
                p.value().set(java.nio.FloatBuffer.wrap(saved.toFloatArray()));
            }
            p.setTrainable(checkpoint.longValue(prefix + "trainable/" + p.name()) == 1);
        }
    }

    /** The network's long-lived manager (for method state that must live as long as it). */
    public NDManager manager() {
        return manager;
    }

    /** The network's kept constants. */
    public Constants constants() {
        return constants;
    }

    @Override
    public void close() {
        constants.close();
        manager.close();
    }
}
