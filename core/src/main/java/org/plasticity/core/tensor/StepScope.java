package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * The scope of one training or evaluation step: every tensor created while it is open is closed
 * when it closes, whatever manager the tensor was attached to (DJL attaches an op's result to its
 * first operand's manager, so a parameter-first op would otherwise leak into the model's manager).
 * Long-lived tensors made inside a step (an optimizer's lazily created moment, a grown subspace)
 * must be handed to {@link #keep(NDArray)}.
 */
public final class StepScope implements AutoCloseable {
    private final NDScope scope = new NDScope();

    /** Opens a scope on the current thread. */
    public static StepScope open() {
        return new StepScope();
    }

    /** Removes a tensor from every open scope so that it outlives the step. */
    public static NDArray keep(NDArray array) {
        NDScope.unregister(array);
        return array;
    }

    @Override
    public void close() {
        scope.close();
    }
}
