package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.plasticity.core.tensor.Constants;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected weight layer {@code y = x·Wᵀ + b} with PyTorch's layout ({@code W} is
 * {@code [out, in]}) and PyTorch's default initialisation: weights and bias uniform in
 * {@code ±1/√in} (kaiming-uniform with a = √5). Initial values are drawn in Java from the given
 * seeded stream, so they are the same on every device.
 */
public final class LinearLayer implements WeightLayer, TimeLinear {
    private final int index;
    private final String name;
    private final Param weight;
    private final Param bias;
    private ErrorRoute route = ErrorRoute.backprop();
    /** OTTT's weight gradient from the trace, formed after backward. */
    private final DeferredWeightGradient traceGradient = new DeferredWeightGradient();

    /**
     * Creates the layer with PyTorch's default initialisation, outside any network (index 0).
     *
     * @param name parameter name prefix, e.g. {@code fc1}
     * @param in input features
     * @param out output features
     * @param withBias whether the layer has a bias
     * @param manager long-lived manager that owns the parameters
     * @param random seeded stream for the initial values
     */
    public LinearLayer(String name, int in, int out, boolean withBias, NDManager manager,
                       SplittableRandom random) {
        this(0, name, in, out, withBias, WeightInit.PYTORCH_DEFAULT, manager, random);
    }

    /**
     * Creates and initialises the layer.
     *
     * @param index position among the network's weight layers
     * @param init how the initial values are drawn
     */
    public LinearLayer(int index, String name, int in, int out, boolean withBias, WeightInit init,
                       NDManager manager, SplittableRandom random) {
        this.index = index;
        this.name = name;
        this.weight = new Param(name + ".weight",
                manager.create(init.weights(random, in * out, in, out), new Shape(out, in)));
        this.bias = withBias
                ? new Param(name + ".bias", manager.create(init.biases(random, out, in), new Shape(out)))
                : null;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Param weight() {
        return weight;
    }

    @Override
    public Param bias() {
        return bias;
    }

    public int inFeatures() {
        return (int) weight.value().getShape().get(1);
    }

    public int outFeatures() {
        return (int) weight.value().getShape().get(0);
    }

    @Override
    public int fanIn() {
        return inFeatures();
    }

    @Override
    public int outputs() {
        return outFeatures();
    }

    @Override
    public NDArray presynapticRows(NDArray input) {
        return input;
    }

    @Override
    public double signSymmetricScale() {
        return 1.0 / Math.sqrt(inFeatures());
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        context.observe(index, input);
        return input.map(this::apply);
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length != 1 || input[0] != inFeatures()) {
            throw new IllegalArgumentException(name + " takes " + inFeatures() + " features, got "
                    + java.util.Arrays.toString(input));
        }
        return new long[] {outFeatures()};
    }

    /** How the layer sends the error to its input (backprop unless set). */
    @Override
    public ErrorRoute errorRoute() {
        return route;
    }

    @Override
    public void setErrorRoute(ErrorRoute route) {
        this.route = route;
    }

    /** {@code x·Wᵀ + b} for rows {@code x [R, in]}, with the layer's error route. */
    @Override
    public NDArray apply(NDArray x) {
        return route.apply(x, weight.value(), bias == null ? null : bias.value());
    }

    /**
     * {@code x·Wᵀ + k·b}: the layer applied to a weighted time-sum of inputs whose weights add up
     * to {@code k} (a readout), so that it equals the same readout of the per-step outputs.
     */
    public NDArray applyToSum(NDArray x, double k, Constants c) {
        if (bias == null || k == 1.0) {
            return apply(x);
        }
        return route.apply(x, weight.value(), bias.value().mul(c.of(k)));
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return applyToSum(sum, k, context.constants());
    }

    /** OTTT: value from spikes {@code x}, weight gradient from the trace (see {@link ErrorRoute#applyWithTrace}). */
    @Override
    public NDArray applyWithTrace(NDArray x, NDArray trace) {
        return route.applyWithTrace(x, trace, weight.value(), bias == null ? null : bias.value(), WeightOp.LINEAR,
                traceGradient);
    }

    /** The route's deferred weight gradient, then the trace's ({@link DeferredWeightGradient}). */
    @Override
    public void completeGradients() {
        route.completeGradients();
        traceGradient.complete();
    }

    /** {@code x·Wᵀ + b} computed from detached weights: records no gradient. */
    public NDArray applyDetached(NDArray x) {
        NDArray w = weight.value().stopGradient();
        NDArray b = bias == null ? null : bias.value().stopGradient();
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Weight then bias (when present). */
    @Override
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>(2);
        params.add(weight);
        if (bias != null) {
            params.add(bias);
        }
        return params;
    }
}
