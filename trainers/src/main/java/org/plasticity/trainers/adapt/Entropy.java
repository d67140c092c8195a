package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;

/**
 * The mean entropy of a batch's predictions, {@code L = −(1/B)·Σ_b Σ_c p_bc·log p_bc} with
 * {@code p_b = softmax(z_b)}, computed from {@code log_softmax} for stability. With time-averaged logits of a spiking
 * network this is the SNN loss of tta-nhl.md §6.3.
 */
final class Entropy {
    private Entropy() {
    }

    /** The mean entropy of {@code logits [B, C]}, a 0-d tensor that records gradients. */
    static NDArray mean(NDArray logits) {
        NDArray logp = logits.logSoftmax(1);
        return logp.exp().mul(logp).sum(new int[] {1}).mean().neg();
    }
}
