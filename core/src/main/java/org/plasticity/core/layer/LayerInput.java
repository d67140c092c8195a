package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

import java.util.Collections;
import java.util.List;

/**
 * The presynaptic activity a weight layer received in one forward pass, for methods that learn
 * from it (Hebbian subspaces, GPM): per-step tensors {@code [B, N]} (possibly the same tensor at
 * every step for a direct-encoded input) and, for DSR, the weighted firing rate.
 *
 * @param layer index of the weight layer (the classifier is the last)
 * @param steps the input at each step
 * @param rate the weighted-rate summary {@code [B, N]} the training method uses, or null
 */
public record LayerInput(int layer, List<NDArray> steps, NDArray rate) {
    /** A layer input that is the same tensor at each of {@code timesteps} steps. */
    public static LayerInput constant(int layer, NDArray x, int timesteps, NDArray rate) {
        return new LayerInput(layer, Collections.nCopies(timesteps, x), rate);
    }

    /** The per-step inputs as one time-major tensor {@code [T·B, N]}. */
    public NDArray timeMajor() {
        return NDArrays.concat(new NDList(steps), 0);
    }
}
