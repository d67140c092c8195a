package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;

/**
 * Flattens each sample: {@code [N, d1, …, dk] → [N, d1·…·dk]}, row-major (PyTorch's
 * {@code flatten(1)}). Stateless: a static activity stays static.
 */
public final class FlattenLayer implements TimeLinear {
    private final String name;

    public FlattenLayer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(x -> x.reshape(x.getShape().get(0), -1));
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return sum.reshape(sum.getShape().get(0), -1);
    }

    @Override
    public long[] outputShape(long[] input) {
        if (input.length == 0) {
            throw new IllegalArgumentException(name + " takes a per-sample shape of rank ≥ 1, got []");
        }
        long n = 1;
        for (long d : input) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": bad per-sample shape " + Arrays.toString(input));
            }
            n *= d;
        }
        return new long[] {n};
    }
}
