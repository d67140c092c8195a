package org.plasticity.core.neuron;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

/**
 * The step function of a spike in float32, {@code [x ≥ level] = min(sign(x − level) + 1, 1)}, without a graph.
 *
 * <p>Equal to {@code x.gte(level)} cast to float for every finite x: a float difference {@code x − level} is zero
 * only when its operands are equal (gradual underflow), so its sign tells {@code x ≥ level} exactly. It is formed
 * with float kernels only: on the CPU the comparison's boolean output and its cast back to float run several times
 * slower than a float operation of the same size (docs/PERFORMANCE.md, "The spike step in float").
 */
public final class Step {
    private Step() {
    }

    /**
     * {@code 1} where {@code x ≥ level}, else {@code 0}, as float32 with no graph.
     *
     * @param x values, recording no graph
     * @param level a 0-d tensor (or one that broadcasts against x)
     */
    public static NDArray atLeast(NDArray x, NDArray level, Constants c) {
        NDArray one = c.of(1);
        try (NDArray above = x.sub(level).signi().addi(one)) {
            return above.minimum(one);
        }
    }
}
