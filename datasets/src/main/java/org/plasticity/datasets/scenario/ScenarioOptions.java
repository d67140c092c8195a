package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Scenarios#create} builds.
 *
 * @param name scenario name, one of {@link Scenarios#NAMES}
 * @param root configured data root, or null for {@code PLASTICITY_DATA} else {@code ./data}
 * @param tasks number of tasks
 * @param trainLimit first n training samples (per task for split scenarios), or null for all
 * @param testLimit first n test samples (per task for split scenarios), or null for all
 * @param classesPerTask classes per task (split scenarios only)
 * @param taskIncremental per-task heads (split scenarios only; permuted-mnist always shares one)
 * @param normalize mean/std normalization (true) or {@code x / 255} in [0, 1] (false)
 */
public record ScenarioOptions(String name, Path root, int tasks, Integer trainLimit,
        Integer testLimit, int classesPerTask, boolean taskIncremental, boolean normalize) {

    /** Checks that a name is given. */
    public ScenarioOptions {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The reference settings: all data, normalized; 10 tasks for permuted-mnist, 5 task-incremental
     * tasks of 2 classes for the split scenarios.
     *
     * @param name scenario name
     * @param root configured data root, or null
     * @return the options
     */
    public static ScenarioOptions defaults(String name, Path root) {
        int tasks = Scenarios.PERMUTED_MNIST.equals(name) ? PermutedMnist.MAX_TASKS : 5;
        return new ScenarioOptions(name, root, tasks, null, null, 2, true, true);
    }
}
