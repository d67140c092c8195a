package org.plasticity.datasets.scenario;

/** A continual-learning benchmark: a fixed sequence of tasks over one input space. */
public interface Scenario {

    /** @return the scenario's name, e.g. {@code permuted-mnist} */
    String name();

    /** @return number of tasks */
    int numTasks();

    /** @return features per sample, the same in every task: the product of {@link #inputShape()} */
    int inputDim();

    /**
     * @return the shape of one sample, {@code [C, H, W]} for images whose spatial layout is kept, or
     *     {@code [D]} for flat vectors (a pixel-permuted image has no spatial layout left); samples are
     *     served flat, in this shape's row-major order
     */
    default long[] inputShape() {
        return new long[] {inputDim()};
    }

    /**
     * @param t task index, {@code 0 <= t < numTasks()}
     * @return the task; cheap to call repeatedly
     */
    Task task(int t);

    /**
     * @return true when each task has its own head with local labels {@code 0..k-1}; false when
     *     all tasks share one head of {@link #sharedOutputs()} units with global labels
     */
    boolean taskIncremental();

    /** @return units of the shared head (the number of global classes) */
    int sharedOutputs();
}
