package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The training loop.
 *
 * @param method               gradient method: {@code bptt} (backpropagation through time) or {@code dsr}
 *                             (differentiation on spike representation); default {@code bptt}
 * @param epochs               epochs per task, &gt;= 1; default 1
 * @param batchSize            training batch size, &gt;= 1; default 64
 * @param evalBatchSize        evaluation batch size, &gt;= 1; default 1000
 * @param shuffle              whether training examples are shuffled each epoch; default true
 * @param freezeAfterFirstTask whether weights stop changing after the first task; default false
 * @param optimizer            the optimizer; default {@code sgd}
 * @param schedule             the learning-rate schedule, stepped once per epoch; default {@code step}
 */
public record TrainingConfig(String method, int epochs, int batchSize, int evalBatchSize, boolean shuffle,
        boolean freezeAfterFirstTask, OptimizerConfig optimizer, ScheduleConfig schedule) implements ConfigNode {

    /** Known gradient methods. */
    public static final List<String> METHODS = List.of("bptt", "dsr");

    /** The documented defaults. */
    public static final TrainingConfig DEFAULTS = new TrainingConfig("bptt", 1, 64, 1000, true, false,
            SgdOptimizer.DEFAULTS, StepSchedule.DEFAULTS);

    public TrainingConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("method").oneOf(method, METHODS);
        problems.at("epochs").atLeast(epochs, 1);
        problems.at("batchSize").atLeast(batchSize, 1);
        problems.at("evalBatchSize").atLeast(evalBatchSize, 1);
        optimizer.validate(problems.at("optimizer"));
        schedule.validate(problems.at("schedule"));
    }
}
