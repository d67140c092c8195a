package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The continual-learning scenario: which dataset, split into how many tasks.
 *
 * @param scenario       one of {@link #SCENARIOS}; default {@code permuted-mnist}
 * @param root           dataset folder, or null for the datasets module's default location; default null
 * @param tasks          number of tasks, &gt;= 1; at most 10 for permuted-mnist, and tasks &times; classesPerTask
 *                       &lt;= 10 for the split scenarios; default 10
 * @param trainLimit     training examples kept per task, null for all; default null
 * @param testLimit      test examples kept per task, null for all; default null
 * @param classesPerTask classes per task in the split scenarios, &gt;= 1; default 2
 * @param incremental    {@code task} (the task id is known at test time) or {@code class}; default {@code task}
 * @param normalize      whether inputs are normalized with the dataset mean and deviation; default true
 */
public record DataConfig(String scenario, String root, int tasks, Integer trainLimit, Integer testLimit,
        int classesPerTask, String incremental, boolean normalize) implements ConfigNode {

    /** Known scenarios. */
    public static final List<String> SCENARIOS = List.of("permuted-mnist", "split-mnist", "split-fashion-mnist");

    /** Known incremental settings. */
    public static final List<String> INCREMENTAL = List.of("task", "class");

    /** The documented defaults. */
    public static final DataConfig DEFAULTS = new DataConfig("permuted-mnist", null, 10, null, null, 2, "task", true);

    private static final int PERMUTED_MAX_TASKS = 10;
    private static final int MNIST_CLASSES = 10;

    public DataConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(incremental, "incremental");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("scenario").oneOf(scenario, SCENARIOS);
        problems.at("tasks").atLeast(tasks, 1);
        problems.at("classesPerTask").atLeast(classesPerTask, 1);
        if (scenario.equals("permuted-mnist") && tasks > PERMUTED_MAX_TASKS) {
            problems.at("tasks").report("expected at most " + PERMUTED_MAX_TASKS + " for permuted-mnist, got " + tasks);
        }
        if (scenario.startsWith("split-") && classesPerTask >= 1 && tasks * (long) classesPerTask > MNIST_CLASSES) {
            problems.at("tasks").report("expected at most " + MNIST_CLASSES / classesPerTask + " for " + scenario
                    + " with data.classesPerTask=" + classesPerTask + " (tasks x classesPerTask <= " + MNIST_CLASSES
                    + "), got " + tasks);
        }
        if (trainLimit != null) {
            problems.at("trainLimit").atLeast(trainLimit, 1);
        }
        if (testLimit != null) {
            problems.at("testLimit").atLeast(testLimit, 1);
        }
        problems.at("incremental").oneOf(incremental, INCREMENTAL);
    }
}
