package org.plasticity.core.plasticity;

import ai.djl.ndarray.NDArray;
import org.plasticity.core.tensor.Constants;

/**
 * Rate-coded spiking lateral neurons modelled as a quantiser (hlop.md §2.3):
 * {@code y ← round(clamp(y, −s, s)/s · T)/T · s}, i.e. steps of {@code s/T} that saturate at {@code ±s}.
 * Rounding is PyTorch's (half to even), as in the reference.
 *
 * @param scale saturation s ({@code hlop_spiking_scale}, default 20)
 * @param timesteps T of the lateral neurons ({@code hlop_spiking_timesteps}, default 1000)
 */
public record LateralQuantizer(double scale, int timesteps) {
    /** Checks the ranges. */
    public LateralQuantizer {
        if (!(scale > 0) || timesteps < 1) {
            throw new IllegalArgumentException("bad lateral quantiser: scale=" + scale + ", timesteps=" + timesteps);
        }
    }

    /** The quantised copy of {@code y} (a new tensor; {@code y} is left as it is). */
    public NDArray apply(NDArray y, Constants c) {
        NDArray s = c.of(scale);
        NDArray t = c.of(timesteps);
        return y.maximum(c.of(-scale)).minimum(s).div(s).mul(t).round().div(t).mul(s);
    }
}
