package org.plasticity.trainers.adapt;

import ai.djl.ndarray.NDArray;

/**
 * One test-time adaptation method, a plug-in of the one adaptation loop ({@link AdaptationTrainer}): it sees each
 * unlabelled test batch once, may change the network's state, and returns the logits the batch is scored on — those
 * of the pre-update forward (Tent) or of a forward after adapting (NHL). Called inside the batch's step scope.
 */
interface AdaptationMethod extends AutoCloseable {
    /**
     * Adapts on a batch and returns the logits its predictions are scored on.
     *
     * @param x the batch {@code [B, D]} on the network's device, normalised as the source's inputs
     */
    NDArray adapt(NDArray x);

    /** Forgets what the method learnt since the last reset (optimizer state); the loop restores the network. */
    void reset();

    /** Per-shift diagnostics in the results, e.g. conv1's mean filter norm; read once per shift. */
    default java.util.Map<String, Double> diagnostics() {
        return java.util.Map.of();
    }

    @Override
    void close();

    /** The network's logits for a batch without recording a graph: the prediction every method may score. */
    static NDArray predict(org.plasticity.core.net.Network network, int head, NDArray x) {
        try (org.plasticity.core.tensor.Gradients.AutoCloseableMode ignored =
                     org.plasticity.core.tensor.Gradients.notRecording()) {
            return network.forward(x, head);
        }
    }
}
