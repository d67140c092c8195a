package org.plasticity.core.net;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.layer.LayerObserver;

/**
 * Online training through time (OTTT, hlop.md §1.3) of a network: the steps of one batch run one at
 * a time, each with its own graph, so that each step's loss can be backpropagated at once. Neurons
 * carry a detached membrane between steps and a presynaptic trace {@code â_t = (1 − 1/τ)·â_{t−1} + s_t}
 * from which the next weight layer takes its weight gradient.
 */
public interface OnlineTraining {
    /** The steps of one batch. */
    interface Run {
        /** Number of steps already run. */
        int stepsDone();

        /**
         * Runs the next step, recording the graph of this step only.
         *
         * @param observer receives each weight layer's presynaptic activity (the input, or spikes and
         *     traces stacked {@code [2B, ...]} after neurons, as the reference's Hebbian inputs)
         */
        OnlineForward.StepOutput next(LayerObserver observer);
    }

    /** Starts the steps of a training batch {@code [B, D]} (fresh neuron state). */
    Run begin(NDArray x);
}
