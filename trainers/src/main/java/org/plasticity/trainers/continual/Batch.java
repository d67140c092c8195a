package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * One training batch on the device: inputs {@code [B, D]} and, for each classifier head its
 * samples use, a one-hot target {@code [B, C_head]} whose rows are zero for samples of other heads.
 *
 * @param x inputs
 * @param targets one target per head
 * @param size B
 */
public record Batch(NDArray x, List<HeadTarget> targets, int size) {
    /** The one-hot targets of one head. */
    public record HeadTarget(int head, NDArray oneHot) {
    }
}
