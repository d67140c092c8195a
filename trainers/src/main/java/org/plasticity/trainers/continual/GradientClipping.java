package org.plasticity.trainers.continual;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

import java.util.List;

/**
 * {@code torch.nn.utils.clip_grad_norm_}: with {@code n = ‖(g_1, …, g_k)‖₂} over all the gradients,
 * each is multiplied in place by {@code min(1, max/(n + 1e-6))}, computed on the device (no read).
 * A factor of exactly 1 leaves every gradient bit for bit as it was.
 */
final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips the joint norm of {@code gradients} to {@code max}. */
    static void clipNorm(List<NDArray> gradients, double max, Constants c) {
        if (gradients.isEmpty()) {
            return;
        }
        NDArray squares = null;
        for (NDArray g : gradients) {
            NDArray s = g.square().sum();
            squares = squares == null ? s : squares.add(s);
        }
        NDArray factor = c.of(max).div(squares.sqrt().add(c.of(1e-6))).minimum(c.of(1));
        for (NDArray g : gradients) {
            g.muli(factor);
        }
    }
}
