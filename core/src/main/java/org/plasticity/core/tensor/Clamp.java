package org.plasticity.core.tensor;

import ai.djl.ndarray.NDArray;

/**
 * {@code clamp(x, lo, hi) = min(max(x, lo), hi)} with kept 0-d bounds, the same values as the engine's clamp (NaN
 * stays NaN).
 *
 * <p>DJL's {@code NDArray.clip(Number, Number)} makes two new tensors of its bounds at every call and runs
 * PyTorch's clamp with tensor bounds, a broadcasting three-operand kernel. Timed alone in a loop on the CPU it took
 * ≈ 20× as long as {@code maximum} and {@code minimum} against kept constants (≈ 500 µs against ≈ 25 µs for
 * {@code [70, 800]}); inside a training step the difference was far smaller (docs/PERFORMANCE.md, "Page faults and
 * the clamp"). Neither form records a graph through the bounds.
 */
public final class Clamp {
    private Clamp() {
    }

    /**
     * @param x values
     * @param lo lower bound, a 0-d tensor (or one that broadcasts against x)
     * @param hi upper bound, likewise; {@code lo ≤ hi}
     * @return a new tensor {@code min(max(x, lo), hi)}
     */
    public static NDArray between(NDArray x, NDArray lo, NDArray hi) {
        try (NDArray above = x.maximum(lo)) {
            return above.minimum(hi);
        }
    }
}
