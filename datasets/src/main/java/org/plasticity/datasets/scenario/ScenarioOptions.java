package org.plasticity.datasets.scenario;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Scenarios#create} builds.
 *
 * @param name scenario name, one of {@link Scenarios#NAMES}
 * @param root configured data root, or null for {@code PLASTICITY_DATA} else {@code ./data}
 * @param tasks number of tasks
 * @param trainLimit first n training samples (per task for split scenarios), or null for all
 * @param testLimit first n test samples (per task for split scenarios), or null for all
 * @param classesPerTask classes per task (split-mnist and split-fashion-mnist only; the reference
 *     protocols fix their class split)
 * @param taskIncremental per-task heads with local labels, or one shared head with global labels
 *     (class splits only; permuted-mnist and five-datasets-domain always share one head,
 *     five-datasets and mnist-fashion-digits always have per-task heads)
 * @param normalize mean/std normalization (true) or {@code x / 255} in [0, 1] (false)
 */
public record ScenarioOptions(String name, Path root, int tasks, Integer trainLimit,
        Integer testLimit, int classesPerTask, boolean taskIncremental, boolean normalize) {

    /** Checks that a name is given. */
    public ScenarioOptions {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The reference settings: all data, normalized, task-incremental where the protocol has per-task
     * heads, and every task of the protocol (10 for permuted-mnist and split-cifar100, 5 tasks of 2
     * classes for the MNIST splits, 20 for split-miniimagenet, 5 for 5-Datasets, 3 for
     * mnist-fashion-digits).
     *
     * @param name scenario name
     * @param root configured data root, or null
     * @return the options
     */
    public static ScenarioOptions defaults(String name, Path root) {
        int tasks = Map.of(Scenarios.PERMUTED_MNIST, PermutedMnist.MAX_TASKS,
                Scenarios.SPLIT_CIFAR100, 10, Scenarios.SPLIT_MINI_IMAGENET,
                ReferenceSplits.MINI_IMAGENET_TASKS, Scenarios.MNIST_FASHION_DIGITS,
                DigitSequence.TASKS).getOrDefault(name, 5);
        return new ScenarioOptions(name, root, tasks, null, null, 2, true, true);
    }
}
