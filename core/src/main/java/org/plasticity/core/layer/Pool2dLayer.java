package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Pooling over {@code k×k} windows with stride s and no padding, output size {@code ⌊(H − k)/s⌋ + 1}:
 * average, {@code y[r, c, oh, ow] = (1/k²)·Σ_{i,j<k} x[r, c, oh·s + i, ow·s + j]}, or max,
 * {@code y = max_{i,j<k} x[r, c, oh·s + i, ow·s + j]} (the gradient goes to the window's maximum).
 * Stateless: a static activity stays static. Average pooling is linear, so DSR's rate identities hold
 * through it; max pooling is not.
 */
public final class Pool2dLayer implements TimeLinear {
    /** The pooling function. */
    public enum Kind { AVG, MAX }

    private final String name;
    private final Kind kind;
    private final int kernel;
    private final int stride;

    public Pool2dLayer(String name, Kind kind, int kernel, int stride) {
        Shapes.positive(name, kernel, stride);
        this.name = name;
        this.kind = kind;
        this.kernel = kernel;
        this.stride = stride;
    }

    /** Average pooling. */
    public static Pool2dLayer avg(String name, int kernel, int stride) {
        return new Pool2dLayer(name, Kind.AVG, kernel, stride);
    }

    /** Max pooling. */
    public static Pool2dLayer max(String name, int kernel, int stride) {
        return new Pool2dLayer(name, Kind.MAX, kernel, stride);
    }

    @Override
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(this::apply);
    }

    /** Average pooling is linear; max pooling is not. */
    @Override
    public boolean timeLinear(ForwardContext context) {
        return kind == Kind.AVG;
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return apply(sum);
    }

    /** Pools {@code x [R, C, H, W]}. */
    public NDArray apply(NDArray x) {
        Shape k = new Shape(kernel, kernel);
        Shape s = new Shape(stride, stride);
        return kind == Kind.AVG ? Pool.avgPool2d(x, k, s, new Shape(0, 0), false, true)
                : Pool.maxPool2d(x, k, s, new Shape(0, 0), false);
    }

    @Override
    public long[] outputShape(long[] input) {
        Shapes.image(name, input, kernel);
        return new long[] {input[0], Shapes.pooled(input[1], kernel, stride), Shapes.pooled(input[2], kernel, stride)};
    }
}
