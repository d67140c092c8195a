package org.plasticity.trainers;

/**
 * Runs an experiment and produces its results: the continual trainer walks the task stream and returns a
 * {@link RunResult}; the adaptation trainer walks streams of shifted test batches and returns an
 * {@code AdaptationResult}. Both write their result files into the experiment's run directory.
 *
 * @param <R> the result record
 */
public interface Trainer<R> {
    /** Runs the experiment to the end. */
    R run(Experiment experiment);
}
