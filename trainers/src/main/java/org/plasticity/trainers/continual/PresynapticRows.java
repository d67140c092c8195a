package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.LayerInput;

/**
 * The rows that represent a weight layer's presynaptic activity for a subspace method (HLOP's
 * Hebbian update, GPM's representation matrix), per training method (hlop.md §2.4): with DSR the
 * weighted firing rate {@code [B, N]} (or the per-step inputs when {@code withWfr} is off); with BPTT
 * and OTTT the per-step inputs {@code [T·B, N]}. A direct-encoded input is the same tensor at every
 * step; as both methods only use the rows' second moment, its T identical copies are replaced by
 * one (for HLOP the same update at 1/T of the cost).
 */
final class PresynapticRows {
    private final boolean useRate;

    /**
     * @param trainingMethod {@code training.method}
     * @param withWfr whether DSR uses the weighted firing rate
     */
    PresynapticRows(String trainingMethod, boolean withWfr) {
        this.useRate = trainingMethod.equals("dsr") && withWfr;
    }

    /** The rows of one observed layer input, detached from any graph. */
    NDArray of(LayerInput input) {
        NDArray rows = source(input);
        return (rows != null ? rows : input.timeMajor()).stopGradient();
    }

    /**
     * The tensor of the layer input that {@link #of} detaches, as the forward pass made it (so that a caller can
     * recognise it as the rows a layer received), or null when the rows are a new concatenation of the steps.
     */
    NDArray source(LayerInput input) {
        if (useRate && input.rate() != null) {
            return input.rate();
        }
        return sameTensorAtEveryStep(input) ? input.steps().get(0) : null;
    }

    /** Identity, not content: NDArray.equals compares values. */
    private static boolean sameTensorAtEveryStep(LayerInput input) {
        NDArray first = input.steps().get(0);
        return input.steps().stream().allMatch(s -> s == first);
    }
}
