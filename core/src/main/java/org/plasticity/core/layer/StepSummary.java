package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * A summary over time of per-step tensors, {@code Σ_t a_t·x_t} (DSR's weighted firing rate):
 * what a training method hands to methods that learn from a layer's input rate.
 */
@FunctionalInterface
public interface StepSummary {
    /** The summary of per-step tensors of equal shape. */
    NDArray of(List<NDArray> steps);
}
