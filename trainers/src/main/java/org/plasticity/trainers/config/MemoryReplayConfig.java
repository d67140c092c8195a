package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Memory replay (MR) as the HLOP reference runs it (hlop.md §4.3): the first {@code perClass} training samples of
 * each class are kept per task; after every task from the second on, a replay phase fine-tunes on the memories of all
 * tasks so far with its own optimizer (the main optimizer's type and settings, this learning rate), unprojected, and
 * the task's accuracy row is measured after it.
 *
 * @param perClass  samples kept per class and task (the first ones in file order), &gt;= 1; default 50
 * @param batchSize samples per task in each replay step (one chunk of every task's memory), &gt;= 1; default 50
 * @param epochs    replay epochs after each task, &gt;= 1; default 1
 * @param lr        learning rate of the replay phase, &gt; 0; default 0.01
 * @param schedule  learning-rate schedule over the replay epochs; default {@code constant}
 */
public record MemoryReplayConfig(int perClass, int batchSize, int epochs, double lr, ScheduleConfig schedule)
        implements ConfigNode {

    /** The reference's permuted-MNIST settings, used for every key of {@code "memoryReplay": {}}. */
    public static final MemoryReplayConfig DEFAULTS = new MemoryReplayConfig(50, 50, 1, 0.01,
            ConstantSchedule.DEFAULTS);

    public MemoryReplayConfig {
        Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("perClass").atLeast(perClass, 1);
        problems.at("batchSize").atLeast(batchSize, 1);
        problems.at("epochs").atLeast(epochs, 1);
        problems.at("lr").positive(lr);
        schedule.validate(problems.at("schedule"));
    }
}
