package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.net.Network;
import org.plasticity.core.net.OnlineForward;

/**
 * What a training step minimises, given the network's outputs for a batch. Label cross-entropy
 * trains; objectives without labels (prediction entropy, none) are for adaptation. The loss is
 * recorded in the graph and multiplied by {@code scale} (the step's normalisation, e.g. −1/B for a
 * mean of log-probabilities).
 */
public interface Objective {
    /**
     * The loss of a batch.
     *
     * @param network the network (its heads turn features into logits)
     * @param features the classifier's input for the batch, {@code [B, F]}
     * @param batch the batch, with its targets
     * @param scale multiplies the summed per-sample terms
     */
    NDArray loss(Network network, NDArray features, Batch batch, double scale);

    /** OTTT: the loss of one timestep's output, scaled the same way. */
    NDArray stepLoss(Network network, OnlineForward.StepOutput output, Batch batch, double scale);
}
