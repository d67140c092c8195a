package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Average pooling without padding: {@code y[r, c, oh, ow] = (1/k²)·Σ_{i,j<k} x[r, c, oh·s + i, ow·s + j]},
 * output size {@code ⌊(H − k)/s⌋ + 1}. Stateless: a static activity stays static.
 */
public final class AvgPool2dLayer implements Layer {
    private final String name;
    private final int kernel;
    private final int stride;

    public AvgPool2dLayer(String name, int kernel, int stride) {
        Shapes.positive(name, kernel, stride);
        this.name = name;
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(this::apply);
    }

    /** Pools {@code x [R, C, H, W]}. */
    public NDArray apply(NDArray x) {
        return Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0),
                false, true);
    }

    @Override
    public long[] outputShape(long[] input) {
        Shapes.image(name, input, kernel);
        return new long[] {input[0], Shapes.pooled(input[1], kernel, stride), Shapes.pooled(input[2], kernel, stride)};
    }
}
