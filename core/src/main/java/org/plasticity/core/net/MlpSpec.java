package org.plasticity.core.net;

import java.util.List;

/**
 * The shape of a spiking MLP: input size, hidden widths (each followed by a layer of spiking
 * neurons), whether weight layers have a bias, the output units of each classifier head (one
 * entry for a shared head, one per task for task-incremental learning) and the timesteps T.
 */
public record MlpSpec(int inputDim, List<Integer> hidden, boolean bias, List<Integer> headOutputs,
                      int timesteps) {
    public MlpSpec {
        hidden = List.copyOf(hidden);
        headOutputs = List.copyOf(headOutputs);
        if (inputDim < 1 || timesteps < 1 || headOutputs.isEmpty()) {
            throw new IllegalArgumentException("MLP needs inputDim ≥ 1, timesteps ≥ 1 and a head");
        }
        if (hidden.stream().anyMatch(h -> h < 1) || headOutputs.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("layer widths must be ≥ 1: " + hidden + " " + headOutputs);
        }
    }
}
