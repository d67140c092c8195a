package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.plasticity.core.tensor.StepScope;

/**
 * The losses of the training steps since the last read, kept on the device so that a step needs no
 * device→host copy. Step k of the window writes its loss and its gradient total (the sum of every
 * gradient element, non-finite when some element is) into row k of one kept float32 tensor
 * {@code [capacity, 2]}; {@link #read()} copies the rows written to the host at once and empties the
 * window. The values are the steps' own float32 numbers, so the host can sum and check them exactly
 * as if it had read each step. The tensor is allocated once: the window's memory is flat.
 */
final class LossWindow implements AutoCloseable {
    private final NDManager manager;
    private final NDArray rows;
    private final int capacity;
    private int size;

    /**
     * @param parent a long-lived manager on the training device
     * @param capacity steps between two reads, &gt;= 1
     */
    LossWindow(NDManager parent, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.rows = StepScope.keep(manager.zeros(new Shape(capacity, 2)));
    }

    /**
     * Writes the next row, on the device.
     *
     * @param loss the step's 0-d loss (its graph is not kept)
     * @param gradientTotal the 0-d sum of the step's gradients
     */
    void record(NDArray loss, NDArray gradientTotal) {
        if (size == capacity) {
            throw new IllegalStateException("the loss window holds " + capacity + " steps: read it first");
        }
        rows.set(new NDIndex("{}, 0", size), loss.stopGradient());
        rows.set(new NDIndex("{}, 1", size), gradientTotal);
        size++;
    }

    /** Whether every row is written. */
    boolean full() {
        return size == capacity;
    }

    /** Rows written since the last read. */
    int size() {
        return size;
    }

    /**
     * The rows written, in step order, with one device→host copy; empties the window.
     *
     * @return {@code [steps][2]}: each step's loss and gradient total
     */
    float[][] read() {
        float[][] out = new float[size][];
        if (size > 0) {
            float[] flat;
            try (StepScope scope = StepScope.open()) {
                flat = rows.get(new NDIndex("0:{}", size)).toFloatArray();
            }
            for (int i = 0; i < size; i++) {
                out[i] = new float[] {flat[2 * i], flat[2 * i + 1]};
            }
        }
        size = 0;
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
