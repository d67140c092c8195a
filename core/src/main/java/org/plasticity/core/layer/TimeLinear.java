package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

/**
 * A layer that is linear over rows and the same at every step, {@code y_t = A·x_t + c} (a weight
 * layer, average pooling, flatten, BatchNorm with fixed statistics): a weighted sum over time then
 * passes through it, {@code Σ_t b_t·y_t = A·(Σ_t b_t·x_t) + (Σ_t b_t)·c}. DSR uses this to build the
 * graph of a layer between two neurons on B rows instead of T·B: the next neurons' input gradient is
 * the same at every step, so a weight gradient {@code Σ_t g·x_tᵀ} is {@code g·(Σ_t x_t)ᵀ}.
 */
public interface TimeLinear extends Layer {
    /** Whether the layer is linear in this pass (BatchNorm only while it uses fixed statistics). */
    default boolean timeLinear(ForwardContext context) {
        return true;
    }

    /**
     * The layer applied to a weighted sum over time whose weights add up to {@code k}, recording
     * the graph: the linear part on {@code sum} plus {@code k} times the constant part.
     */
    NDArray applyToSum(NDArray sum, double k, ForwardContext context);
}
