package org.plasticity.core.layer;

/**
 * How the layers of a network behave in a forward pass. Only layers with batch statistics
 * (BatchNorm) and dropout read it.
 *
 * <ul>
 *   <li>{@link #TRAIN}: BatchNorm normalises with the batch's statistics and updates its running
 *       statistics {@code r ← (1 − m)·r + m·s}; dropout is active;</li>
 *   <li>{@link #EVAL}: BatchNorm normalises with its running statistics; dropout is off;</li>
 *   <li>{@link #ADAPT}: BatchNorm normalises with the batch's statistics and leaves the running
 *       ones unchanged (test-time adaptation); dropout is off.</li>
 * </ul>
 */
public enum Mode {
    TRAIN,
    EVAL,
    ADAPT;

    /** Whether BatchNorm normalises with the batch's own statistics. */
    public boolean batchStatistics() {
        return this != EVAL;
    }
}
