package org.plasticity.core.net;

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
public final class LinearLayer {
    private final String name;
    private final Param weight;
    private final Param bias;
    private ErrorRoute route = ErrorRoute.backprop();

    /**
     * Creates and initialises the layer.
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
        this.name = name;
        double bound = 1.0 / Math.sqrt(in);
        this.weight = new Param(name + ".weight",
                manager.create(uniform(random, in * out, bound), new Shape(out, in)));
        this.bias = withBias
                ? new Param(name + ".bias", manager.create(uniform(random, out, bound), new Shape(out)))
                : null;
    }

    private static float[] uniform(SplittableRandom random, int n, double bound) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }

    public String name() {
        return name;
    }

    public Param weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Param bias() {
        return bias;
    }

    public int inFeatures() {
        return (int) weight.value().getShape().get(1);
    }

    public int outFeatures() {
        return (int) weight.value().getShape().get(0);
    }

    /** How the layer sends the error to its input (backprop unless set). */
    public ErrorRoute errorRoute() {
        return route;
    }

    public void setErrorRoute(ErrorRoute route) {
        this.route = route;
    }

    /** {@code x·Wᵀ + b} for rows {@code x [R, in]}, with the layer's error route. */
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

    /** OTTT: value from spikes {@code x}, weight gradient from the trace (see {@link ErrorRoute#applyWithTrace}). */
    public NDArray applyWithTrace(NDArray x, NDArray trace) {
        return route.applyWithTrace(x, trace, weight.value(), bias == null ? null : bias.value());
    }

    /** {@code x·Wᵀ + b} computed from detached weights: records no gradient. */
    public NDArray applyDetached(NDArray x) {
        NDArray w = weight.value().stopGradient();
        NDArray b = bias == null ? null : bias.value().stopGradient();
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    /** Weight then bias (when present). */
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>(2);
        params.add(weight);
        if (bias != null) {
            params.add(bias);
        }
        return params;
    }
}
