package org.plasticity.trainers.continual;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Which tasks' training data a task's training phase sees: only the current task (sequential
 * fine-tuning, the lower bound) or every task seen so far (joint multitask training, the upper
 * bound).
 */
public enum TrainingRegime {
    /** Train on task t alone. */
    FINETUNE("finetune") {
        @Override
        public List<Integer> trainingTasks(int task) {
            return List.of(task);
        }
    },
    /** Train on tasks 0..t jointly. */
    MULTITASK("multitask") {
        @Override
        public List<Integer> trainingTasks(int task) {
            return IntStream.rangeClosed(0, task).boxed().toList();
        }
    };

    private final String label;

    TrainingRegime(String label) {
        this.label = label;
    }

    /** The config name. */
    public String label() {
        return label;
    }

    /** The tasks whose training data the phase of {@code task} uses. */
    public abstract List<Integer> trainingTasks(int task);

    /** The regime with this config name. */
    public static TrainingRegime of(String label) {
        for (TrainingRegime r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown method type '" + label + "' (known: finetune, multitask)");
    }
}
