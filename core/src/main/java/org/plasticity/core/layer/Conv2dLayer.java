package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 2-D convolution {@code y[r, o, oh, ow] = b[o] + Σ_{c,i,j} W[o, c, i, j]·x_pad[r, c, oh·s + i, ow·s + j]}
 * with PyTorch's layout ({@code W [out, in, k, k]}, x zero-padded by p on each side), output size
 * {@code Ho = ⌊(H + 2p − k)/s⌋ + 1}. In the 2-D view this is {@code y = P·W_flatᵀ + b} over the
 * unfolded patches P ({@link Unfold}), so its weight gradient is {@code G_flatᵀ·P} and gradient
 * projection (HLOP, GPM) works on {@code W_flat [out, in·k·k]} as for a linear layer. The error
 * route composes with the convolution as a {@link WeightOp}: feedback alignment and sign-symmetric
 * feedback send the error through the transposed convolution with the feedback kernel.
 */
public final class Conv2dLayer implements WeightLayer, TimeLinear {
    private final int index;
    private final String name;
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Param weight;
    private final Param bias;
    private final Unfold unfold;
    private final WeightOp convOp;
    private ErrorRoute route = ErrorRoute.backprop();

    /**
     * Creates and initialises the layer ({@code fanIn = in·k·k}, {@code fanOut = out·k·k}).
     *
     * @param index position among the network's weight layers
     * @param name parameter name prefix, e.g. {@code conv1}
     * @param bias whether the layer has a bias
     * @param init how the initial values are drawn
     * @param manager long-lived manager that owns the parameters and the unfold kernel
     * @param random seeded stream for the initial values
     */
    public Conv2dLayer(int index, String name, int inChannels, int outChannels, int kernel, int stride,
                       int padding, boolean bias, WeightInit init, NDManager manager, SplittableRandom random) {
        if (inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(name + ": channels, kernel and stride must be ≥ 1 and padding ≥ 0");
        }
        this.index = index;
        this.name = name;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        int fanIn = inChannels * kernel * kernel;
        int fanOut = outChannels * kernel * kernel;
        this.weight = new Param(name + ".weight", manager.create(
                init.weights(random, outChannels * fanIn, fanIn, fanOut),
                new Shape(outChannels, inChannels, kernel, kernel)));
        this.bias = bias
                ? new Param(name + ".bias", manager.create(init.biases(random, outChannels, fanIn), new Shape(outChannels)))
                : null;
        this.unfold = new Unfold(inChannels, kernel, stride, padding, manager);
        Shape strides = new Shape(stride, stride);
        Shape pads = new Shape(padding, padding);
        Shape dilation = new Shape(1, 1);
        this.convOp = (x, w, b) -> Conv2d.conv2d(x, w, b, strides, pads, dilation, 1).singletonOrThrow();
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

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    /** The convolution as a weight op (for error routes). */
    public WeightOp op() {
        return convOp;
    }

    @Override
    public int fanIn() {
        return inChannels * kernel * kernel;
    }

    @Override
    public int outputs() {
        return outChannels;
    }

    /** The unfolded patches {@code [R·L, in·k·k]} of inputs {@code [R, in, H, W]}. */
    @Override
    public NDArray presynapticRows(NDArray input) {
        return unfold.patches(input);
    }

    /** {@code √(2/(k²·C_out))}. */
    @Override
    public double signSymmetricScale() {
        return Math.sqrt(2.0 / (kernel * kernel * outChannels));
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        context.observe(index, input);
        return input.map(this::apply);
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length != 3) {
            throw new IllegalArgumentException(name + " takes [C, H, W] inputs, got " + Arrays.toString(input));
        }
        if (input[0] != inChannels) {
            throw new IllegalArgumentException(name + " takes " + inChannels + " channels, got " + input[0]
                    + " (input " + Arrays.toString(input) + ")");
        }
        if (input[1] + 2L * padding < kernel || input[2] + 2L * padding < kernel) {
            throw new IllegalArgumentException(name + ": input " + input[1] + "×" + input[2] + " with padding "
                    + padding + " is smaller than the kernel " + kernel + "×" + kernel);
        }
        return new long[] {outChannels, outSize(input[1]), outSize(input[2])};
    }

    private long outSize(long in) {
        return (in + 2L * padding - kernel) / stride + 1;
    }

    @Override
    public ErrorRoute errorRoute() {
        return route;
    }

    @Override
    public void setErrorRoute(ErrorRoute route) {
        this.route = route;
    }

    /** The convolution of {@code x [R, in, H, W]}, with the layer's error route. */
    @Override
    public NDArray apply(NDArray x) {
        return route.apply(x, weight.value(), bias == null ? null : bias.value(), convOp);
    }

    /** {@code conv(sum, W) + k·b}: the convolution of a weighted sum over time whose weights add up to k. */
    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        NDArray b = bias == null ? null : k == 1.0 ? bias.value() : bias.value().mul(context.constants().of(k));
        return route.apply(sum, weight.value(), b, convOp);
    }

    /** The convolution computed from detached weights: records no gradient. */
    public NDArray applyDetached(NDArray x) {
        return convOp.apply(x, weight.value().stopGradient(), bias == null ? null : bias.value().stopGradient());
    }

    /** OTTT: value from spikes, weight gradient from the trace (see {@link ErrorRoute#applyWithTrace}). */
    @Override
    public NDArray applyWithTrace(NDArray spikes, NDArray trace) {
        return route.applyWithTrace(spikes, trace, weight.value(), bias == null ? null : bias.value(), convOp);
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
