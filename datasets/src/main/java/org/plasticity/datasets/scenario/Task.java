package org.plasticity.datasets.scenario;

import java.util.Objects;

/**
 * One task of a continual-learning scenario.
 *
 * @param id task index, 0-based
 * @param name human-readable name
 * @param train training split
 * @param test test split
 * @param outputs output units the head for this task needs (labels are below it)
 * @param classes the global class ids this task contains
 */
public record Task(int id, String name, Split train, Split test, int outputs, int[] classes) {

    /** Checks the fields and copies {@code classes}. */
    public Task {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (id < 0 || outputs <= 0) {
            throw new IllegalArgumentException("bad task id " + id + " or outputs " + outputs);
        }
        if (train.dim() != test.dim()) {
            throw new IllegalArgumentException(
                    "train has " + train.dim() + " features, test " + test.dim());
        }
        classes = Objects.requireNonNull(classes, "classes").clone();
    }

    /** @return a copy of the global class ids */
    @Override
    public int[] classes() {
        return classes.clone();
    }
}
