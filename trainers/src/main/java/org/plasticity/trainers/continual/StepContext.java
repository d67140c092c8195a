package org.plasticity.trainers.continual;

import org.plasticity.core.net.Network;

/**
 * Where the task loop stands inside a training step, handed to method plug-ins.
 *
 * @param task the task context
 * @param epoch 0-based epoch within the task
 * @param step optimizer steps taken so far in this task
 */
public record StepContext(TaskContext task, int epoch, long step) {
    /** The network being trained. */
    public Network network() {
        return task.experiment().network();
    }
}
