package org.plasticity.core.optim;

import org.plasticity.core.layer.Param;
import org.plasticity.core.state.Stateful;

import java.util.List;

/**
 * Updates parameters in place from their accumulated gradients, with PyTorch's semantics. The
 * learning rate is set from outside (by a {@link LearningRateSchedule}). Parameters that are not
 * {@linkplain Param#trainable() trainable} or have no gradient are skipped, as PyTorch skips
 * parameters whose {@code grad} is None. Gradients are not zeroed here; the training loop zeroes
 * them explicitly before each backward. Its state (moments, step counts) goes into checkpoints by
 * parameter position.
 */
public interface Optimizer extends Stateful, AutoCloseable {
    /** Applies one update to every trainable parameter that has a gradient. */
    void step();

    /** The parameters this optimizer updates. */
    List<Param> parameters();

    void setLearningRate(double lr);

    double learningRate();

    /** Releases the optimizer's state tensors. */
    @Override
    void close();
}
