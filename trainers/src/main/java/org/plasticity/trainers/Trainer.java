package org.plasticity.trainers;

/**
 * Runs an experiment and produces its results: the continual trainer walks the task stream, a
 * future adaptation trainer will walk a stream of shifted test batches; both write the same
 * result files into the experiment's run directory.
 */
public interface Trainer {
    /** Runs the experiment to the end. */
    RunResult run(Experiment experiment);
}
