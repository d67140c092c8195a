package org.plasticity.trainers.continual;

import org.plasticity.datasets.scenario.Task;
import org.plasticity.trainers.Experiment;

/**
 * Where the task loop stands, handed to method plug-ins at task boundaries.
 *
 * @param experiment the run
 * @param task the task being (or just) trained
 * @param head the classifier head the task uses
 * @param samples every task's training samples under one index (source j is task j's training
 *     split), the index replay buffers and memories refer to
 */
public record TaskContext(Experiment experiment, Task task, int head, TrainingSet samples) {
    /** The task's index. */
    public int index() {
        return task.id();
    }

    /** Number of tasks in the run. */
    public int numTasks() {
        return experiment.scenario().numTasks();
    }
}
