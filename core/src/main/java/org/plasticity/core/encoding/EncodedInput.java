package org.plasticity.core.encoding;

import ai.djl.ndarray.NDArray;

/**
 * The input of a network over T steps: either one tensor {@code [B, D]} that is the same at every
 * step (direct encoding — the first layer's current is then computed once, not T times), or a
 * time-major tensor {@code [T·B, D]} whose row {@code t·B + b} is sample b at step t.
 *
 * @param staticInput the input repeated at every step, or null
 * @param timeMajor the per-step input, or null
 * @param timesteps T
 */
public record EncodedInput(NDArray staticInput, NDArray timeMajor, int timesteps) {
    public EncodedInput {
        if ((staticInput == null) == (timeMajor == null)) {
            throw new IllegalArgumentException("exactly one of staticInput and timeMajor must be set");
        }
    }

    /** True when the input is the same at every step. */
    public boolean isStatic() {
        return staticInput != null;
    }
}
