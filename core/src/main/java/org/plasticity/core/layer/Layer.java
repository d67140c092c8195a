package org.plasticity.core.layer;

import java.util.List;

/**
 * One stage of a network, applied to the {@link Activity} of a batch over all T timesteps at
 * once. Layers without state over time (weights, pooling, normalisation, flatten) treat the
 * time-major rows as a larger batch; spiking neurons split them into steps. Shapes are per
 * sample, without the batch dimension: {@code [C, H, W]} or {@code [N]}.
 */
public interface Layer {
    /** Parameter-name prefix of the layer, unique in its network ({@code conv1}, {@code block2.bn1}). */
    String name();

    /** Applies the layer; {@code context} carries T, the mode and the observer of this pass. */
    Activity forward(Activity input, ForwardContext context);

    /**
     * The per-sample output shape for a per-sample input shape.
     *
     * @throws IllegalArgumentException when the input does not fit the layer (wrong rank or
     *     channels, an image smaller than the kernel), naming the layer
     */
    long[] outputShape(long[] input);

    /** Trainable tensors. */
    default List<Param> parameters() {
        return List.of();
    }

    /** State tensors that are not parameters (running statistics). */
    default List<Buffer> buffers() {
        return List.of();
    }

    /** Layers inside this one (residual blocks), in forward order; empty for a plain layer. */
    default List<Layer> children() {
        return List.of();
    }

    /**
     * Restores the layer's constraints after an optimizer update (a threshold's lower bound);
     * called with gradient recording off.
     */
    default void afterUpdate() {
    }

    /**
     * Freezes the layer's batch statistics and affine parameters for good (the reference's
     * {@code fix_bn} after the first task); a no-op for layers without statistics.
     */
    default void freezeStatistics() {
    }
}
