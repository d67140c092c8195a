package org.plasticity.trainers.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plasticity.datasets.scenario.Scenarios;

/**
 * The continual-learning scenario: which dataset, split into how many tasks. docs/DATASETS.md says where each
 * scenario's files go.
 *
 * @param scenario       one of {@link #SCENARIOS}; default {@code permuted-mnist}
 * @param root           dataset folder, or null for the datasets module's default location; default null
 * @param tasks          number of tasks, &gt;= 1; at most the protocol's: 10 for permuted-mnist and split-cifar100,
 *                       tasks &times; classesPerTask &lt;= 10 for split-mnist and split-fashion-mnist, 20 for
 *                       split-miniimagenet, 5 for five-datasets(-domain), 3 for mnist-fashion-digits; default 10
 * @param trainLimit     training examples kept per task, null for all; default null
 * @param testLimit      test examples kept per task, null for all; default null
 * @param classesPerTask classes per task of split-mnist and split-fashion-mnist, &gt;= 1; the other scenarios fix
 *                       their class split and refuse another value; default 2
 * @param incremental    {@code task} (the task id is known at test time) or {@code class}; for the class splits;
 *                       five-datasets and mnist-fashion-digits are task-incremental only, permuted-mnist and
 *                       five-datasets-domain always share one head; default {@code task}
 * @param normalize      whether inputs are normalized with the dataset mean and deviation; default true
 */
public record DataConfig(String scenario, String root, int tasks, Integer trainLimit, Integer testLimit,
        int classesPerTask, String incremental, boolean normalize) implements ConfigNode {

    /** Known scenarios: those the datasets module builds. */
    public static final List<String> SCENARIOS = Scenarios.NAMES;

    /** Known incremental settings. */
    public static final List<String> INCREMENTAL = List.of("task", "class");

    /** The documented defaults. */
    public static final DataConfig DEFAULTS = new DataConfig("permuted-mnist", null, 10, null, null, 2, "task", true);

    private static final int MNIST_CLASSES = 10;

    /** How a scenario's heads follow from {@code incremental}. */
    private enum Heads { BY_INCREMENTAL, SHARED, PER_TASK }

    /**
     * What a scenario allows.
     *
     * @param maxTasks       its most tasks (for a split by {@code classesPerTask}: its number of classes)
     * @param byClassesPerTask whether {@code classesPerTask} sets its class groups
     * @param heads          its heads
     */
    private record Protocol(int maxTasks, boolean byClassesPerTask, Heads heads) {
    }

    private static final Map<String, Protocol> PROTOCOLS = Map.of(
            Scenarios.PERMUTED_MNIST, new Protocol(10, false, Heads.SHARED),
            Scenarios.SPLIT_MNIST, new Protocol(MNIST_CLASSES, true, Heads.BY_INCREMENTAL),
            Scenarios.SPLIT_FASHION_MNIST, new Protocol(MNIST_CLASSES, true, Heads.BY_INCREMENTAL),
            Scenarios.SPLIT_CIFAR100, new Protocol(10, false, Heads.BY_INCREMENTAL),
            Scenarios.SPLIT_MINI_IMAGENET, new Protocol(20, false, Heads.BY_INCREMENTAL),
            Scenarios.FIVE_DATASETS, new Protocol(5, false, Heads.PER_TASK),
            Scenarios.FIVE_DATASETS_DOMAIN, new Protocol(5, false, Heads.SHARED),
            Scenarios.MNIST_FASHION_DIGITS, new Protocol(3, false, Heads.PER_TASK));

    public DataConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(incremental, "incremental");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("scenario").oneOf(scenario, SCENARIOS);
        problems.at("tasks").atLeast(tasks, 1);
        problems.at("classesPerTask").atLeast(classesPerTask, 1);
        Protocol protocol = PROTOCOLS.get(scenario);
        if (protocol != null) {
            checkAgainst(protocol, problems);
        }
        if (trainLimit != null) {
            problems.at("trainLimit").atLeast(trainLimit, 1);
        }
        if (testLimit != null) {
            problems.at("testLimit").atLeast(testLimit, 1);
        }
        problems.at("incremental").oneOf(incremental, INCREMENTAL);
    }

    private void checkAgainst(Protocol protocol, ConfigProblems problems) {
        if (protocol.byClassesPerTask()) {
            if (classesPerTask >= 1 && tasks * (long) classesPerTask > protocol.maxTasks()) {
                problems.at("tasks").report("expected at most " + protocol.maxTasks() / classesPerTask + " for "
                        + scenario + " with data.classesPerTask=" + classesPerTask + " (tasks x classesPerTask <= "
                        + protocol.maxTasks() + "), got " + tasks);
            }
        } else {
            if (tasks > protocol.maxTasks()) {
                problems.at("tasks").report("expected at most " + protocol.maxTasks() + " for " + scenario + ", got "
                        + tasks);
            }
            if (classesPerTask != DEFAULTS.classesPerTask() && !scenario.equals(Scenarios.PERMUTED_MNIST)) {
                problems.at("classesPerTask").report(scenario + " has the reference's fixed class split; "
                        + "data.classesPerTask applies to split-mnist and split-fashion-mnist only, remove it (got "
                        + classesPerTask + ")");
            }
        }
        if (protocol.heads() == Heads.PER_TASK && incremental.equals("class")) {
            problems.at("incremental").report(scenario + " is task-incremental (one head per data set), got class"
                    + (scenario.equals(Scenarios.FIVE_DATASETS) ? "; five-datasets-domain shares one head" : ""));
        }
    }

    /**
     * @return true when the scenario gives each task its own head: a class split with {@code incremental=task},
     *     five-datasets and mnist-fashion-digits
     */
    public boolean perTaskHeads() {
        Protocol protocol = PROTOCOLS.get(scenario);
        if (protocol == null) {
            return false;
        }
        return switch (protocol.heads()) {
            case PER_TASK -> true;
            case SHARED -> false;
            case BY_INCREMENTAL -> incremental.equals("task");
        };
    }

    /** @return true when the scenario always shares one head, whatever {@code incremental} says */
    public boolean alwaysSharedHead() {
        Protocol protocol = PROTOCOLS.get(scenario);
        return protocol != null && protocol.heads() == Heads.SHARED;
    }
}
