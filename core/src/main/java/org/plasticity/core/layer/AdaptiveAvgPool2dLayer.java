package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

import java.util.Arrays;

/**
 * Adaptive average pooling to {@code outH × outW} for inputs whose size divides by it: the
 * average pooling with {@code kernel = stride = H/outH} (and {@code W/outW}),
 * {@code y[r, c, a, b] = (1/(kh·kw))·Σ_{i<kh, j<kw} x[r, c, a·kh + i, b·kw + j]}, which is exactly
 * PyTorch's {@code adaptive_avg_pool2d} in that case; {@code outH = outW = 1} is the global
 * average. Other sizes are rejected. Stateless: a static activity stays static.
 */
public final class AdaptiveAvgPool2dLayer implements TimeLinear {
    private final String name;
    private final int outH;
    private final int outW;

    public AdaptiveAvgPool2dLayer(String name, int outH, int outW) {
        Shapes.positive(name, outH, outW);
        this.name = name;
        this.outH = outH;
        this.outW = outW;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(this::apply);
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return apply(sum);
    }

    /** Pools {@code x [R, C, H, W]}. */
    public NDArray apply(NDArray x) {
        Shape s = x.getShape();
        long[] out = outputShape(new long[] {s.get(1), s.get(2), s.get(3)});
        long kh = s.get(2) / out[1];
        long kw = s.get(3) / out[2];
        return Pool.avgPool2d(x, new Shape(kh, kw), new Shape(kh, kw), new Shape(0, 0), false, true);
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length != 3) {
            throw new IllegalArgumentException(name + " takes [C, H, W] inputs, got " + Arrays.toString(input));
        }
        if (input[1] < outH || input[2] < outW || input[1] % outH != 0 || input[2] % outW != 0) {
            throw new IllegalArgumentException(name + ": input " + input[1] + "×" + input[2]
                    + " does not divide into " + outH + "×" + outW + " (only exact adaptive pooling is supported)");
        }
        return new long[] {input[0], outH, outW};
    }
}
