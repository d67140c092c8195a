package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.encoding.EncodedInput;
import org.plasticity.core.encoding.Encoder;
import org.plasticity.core.layer.Activity;
import org.plasticity.core.layer.Buffer;
import org.plasticity.core.layer.ErrorRoutes;
import org.plasticity.core.layer.ForwardContext;
import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.LayerObserver;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.Mode;
import org.plasticity.core.layer.Param;
import org.plasticity.core.layer.StepSummary;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.layer.WeightLayer;
import org.plasticity.core.state.Checkpoint;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A network made of {@link Layer}s (convolutional and residual networks): the encoded batch flows
 * through the body as one {@link Activity} over all T timesteps — time-major {@code [T·B, ...]},
 * or static while it is the same at every step, so that a direct-encoded input's first
 * convolution runs once — and the heads are applied to the readout of the body's output,
 * {@code Σ_t a_t·s_t}. How the neurons train (BPTT, DSR) is in the neuron layers; BatchNorm and
 * dropout follow the network's {@link Mode}. The architecture's {@link UnitGates} act on the outputs
 * of the layers they follow, through the {@link ForwardContext}.
 */
public final class LayeredNetwork implements Network {
    private final NDManager manager;
    private final Constants constants;
    private final int timesteps;
    private final long[] inputShape;
    private final List<Layer> body;
    private final List<LinearLayer> heads;
    private final List<WeightLayer> bodyWeights;
    private final UnitGates gates;
    private final Encoder encoder;
    private final Readout readout;
    private final StepSummary observedRate;
    private Mode mode = Mode.TRAIN;
    private boolean collapse = true;
    private final OnlineTraining online;

    /**
     * Builds and initialises the network.
     *
     * @param architecture the layers
     * @param encoder the input encoding, made with the network's constants
     * @param readout how the body's per-step output becomes the classifier's input
     * @param observedRate the rate summary observed inputs carry (DSR's weighted rate), or null
     * @param routes the error route of each weight layer
     * @param timesteps T
     * @param parent manager on the run's device; the network opens its own sub-manager
     * @param seed seed of the initial weights (routes draw from a stream split off after them)
     */
    public LayeredNetwork(Architecture architecture, Function<Constants, Encoder> encoder, Readout readout,
                          Readout observedRate, ErrorRoutes routes, int timesteps, NDManager parent, long seed) {
        this.manager = parent.newSubManager();
        this.constants = new Constants(manager);
        this.timesteps = timesteps;
        SplittableRandom random = new SplittableRandom(seed);
        Architecture.Parts parts = architecture.build(new NetworkContext(manager, constants, timesteps), random);
        this.inputShape = parts.inputShape().clone();
        this.body = List.copyOf(parts.body());
        this.heads = List.copyOf(parts.heads());
        this.gates = parts.gates();
        List<WeightLayer> weights = new ArrayList<>();
        collectWeights(body, weights);
        weights.sort(Comparator.comparingInt(WeightLayer::index));
        this.bodyWeights = Collections.unmodifiableList(weights);
        this.encoder = encoder.apply(constants);
        this.readout = readout;
        this.observedRate = observedRate == null ? null : steps -> observedRate.apply(steps, constants);
        this.online = containsOnlineNeurons(body) ? new LayeredOnlineTraining(this) : null;
        SplittableRandom routeRandom = random.split();
        for (WeightLayer layer : weightLayers()) {
            layer.setErrorRoute(routes.create(layer, manager, constants, routeRandom));
        }
    }

    private static boolean containsOnlineNeurons(List<Layer> layers) {
        for (Layer layer : layers) {
            if (layer instanceof org.plasticity.core.layer.OnlineNeuronLayer || containsOnlineNeurons(layer.children())) {
                return true;
            }
        }
        return false;
    }

    private static void collectWeights(List<Layer> layers, List<WeightLayer> out) {
        for (Layer layer : layers) {
            if (layer instanceof WeightLayer w) {
                out.add(w);
            }
            collectWeights(layer.children(), out);
        }
    }

    /**
     * Whether DSR gradients use B-row sums through time-linear layers (the default; exact) or the
     * per-step form everywhere (for verification and timing).
     */
    public void setRateCollapse(boolean collapse) {
        this.collapse = collapse;
    }

    /** The per-sample input shape {@code [C, H, W]}. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** The layers before the heads. */
    public List<Layer> body() {
        return body;
    }

    @Override
    public int timesteps() {
        return timesteps;
    }

    @Override
    public NDArray features(NDArray x, LayerObserver observer) {
        ForwardContext context = new ForwardContext(timesteps, mode, constants, observer, observedRate, collapse,
                gates);
        Activity a = encode(x);
        for (Layer layer : body) {
            a = context.forward(layer, a);
        }
        context.observe(bodyWeights.size(), a);
        if (a.deferred() != null && collapse) {
            return a.deferred().weightedSum(readout, context);
        }
        if (a.isStatic()) {
            return a.value().mul(constants.of(readout.coefficientSum()));
        }
        return readout.apply(context.steps(a), constants);
    }

    private Activity encode(NDArray x) {
        EncodedInput input = encoder.encode(x, timesteps);
        if (input.isStatic()) {
            return Activity.constant(reshaped(input.staticInput()));
        }
        return Activity.timeMajor(reshaped(input.timeMajor()));
    }

    /** A flat batch {@code [B, D]} as images {@code [B, C, H, W]}. */
    NDArray image(NDArray flat) {
        return reshaped(flat);
    }

    private NDArray reshaped(NDArray flat) {
        long[] shape = new long[inputShape.length + 1];
        shape[0] = flat.getShape().get(0);
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return flat.reshape(new Shape(shape));
    }

    @Override
    public NDArray logits(NDArray features, int head) {
        return heads.get(head).applyToSum(features, readout.coefficientSum(), constants);
    }

    /** OTTT: present when the neurons are online LIF neurons. */
    @Override
    public OnlineTraining online() {
        return online;
    }

    @Override
    public void afterUpdate() {
        body.forEach(Layer::afterUpdate);
    }

    @Override
    public List<WeightLayer> bodyWeightLayers() {
        return bodyWeights;
    }

    @Override
    public List<LinearLayer> heads() {
        return heads;
    }

    @Override
    public UnitGates unitGates() {
        return gates;
    }

    @Override
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        body.forEach(l -> params.addAll(l.parameters()));
        heads.forEach(l -> params.addAll(l.parameters()));
        return params;
    }

    @Override
    public List<Buffer> buffers() {
        List<Buffer> buffers = new ArrayList<>();
        body.forEach(l -> buffers.addAll(l.buffers()));
        return buffers;
    }

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
        body.forEach(Layer::freezeStatistics);
    }

    @Override
    public void saveState(Checkpoint checkpoint, String prefix) {
        NetworkState.save(this, checkpoint, prefix);
    }

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
