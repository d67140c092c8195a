package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.net.Network;

/**
 * Where the task loop stands inside a training step, handed to method plug-ins.
 *
 * @param task the task context
 * @param epoch 0-based epoch within the task
 * @param step optimizer steps taken so far in this task
 * @param batch the step's batch, once it is built (null before: {@code extraSamples}, {@code observer})
 * @param features the network's output for it, the classifier's input {@code [B, F]} with its graph
 *     (null before the forward pass, and for OTTT, whose outputs are per step)
 */
public record StepContext(TaskContext task, int epoch, long step, Batch batch, NDArray features) {
    /** Where the loop stands, before the batch exists. */
    public StepContext(TaskContext task, int epoch, long step) {
        this(task, epoch, step, null, null);
    }

    /** The same position with the batch and the network's output, for the hooks after the forward pass. */
    public StepContext withOutputs(Batch batch, NDArray features) {
        return new StepContext(task, epoch, step, batch, features);
    }

    /** The network being trained. */
    public Network network() {
        return task.experiment().network();
    }
}
