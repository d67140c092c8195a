package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * The product a weight layer computes, {@code op(x, W, b)}, linear in x and in W: a matrix
 * product for linear layers, a convolution for conv layers. Error routes compose it with
 * stop-gradients, so every route works for every kind of weight layer.
 */
@FunctionalInterface
public interface WeightOp {
    /** {@code x·Wᵀ + b} on rows {@code x [R, in]}. */
    WeightOp LINEAR = (x, w, b) -> Linear.linear(x, w, b).singletonOrThrow();

    /** Applies the op; {@code bias} may be null. */
    NDArray apply(NDArray x, NDArray weight, NDArray bias);
}
