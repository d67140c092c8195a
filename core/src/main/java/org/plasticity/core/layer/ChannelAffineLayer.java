package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.plasticity.core.tensor.StepScope;

/**
 * A per-channel gain and shift, {@code y[c] = g[c]·x[c] + s[c]}, over {@code [N, C]} or
 * {@code [N, C, H, W]}; it starts as the identity ({@code g = 1, s = 0}). Test-time adaptation
 * inserts it as NHL's neuro-modulator after the first convolution (and its BatchNorm): a gain
 * modulation of the Hebbian-tuned neurons, trained by the entropy of the predictions. It is the same
 * at every step and linear, so a weighted sum over time passes through it:
 * {@code Σ_t b_t·y_t = g·(Σ_t b_t·x_t) + k·s}.
 */
public final class ChannelAffineLayer implements TimeLinear {
    private final String name;
    private final int channels;
    private final Param gain;
    private final Param shift;

    /**
     * @param name parameter-name prefix ({@code modulator})
     * @param channels C
     * @param manager the network's long-lived manager
     */
    public ChannelAffineLayer(String name, int channels, NDManager manager) {
        if (channels < 1) {
            throw new IllegalArgumentException(name + ": needs channels >= 1");
        }
        this.name = name;
        this.channels = channels;
        this.gain = new Param(name + ".gain", StepScope.keep(manager.ones(new Shape(channels))));
        this.shift = new Param(name + ".shift", StepScope.keep(manager.zeros(new Shape(channels))));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(x -> apply(x, shift.value()));
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return apply(sum, k == 1.0 ? shift.value() : shift.value().mul(context.constants().of(k)));
    }

    private NDArray apply(NDArray x, NDArray s) {
        Shape perChannel = x.getShape().dimension() == 4 ? new Shape(1, channels, 1, 1) : new Shape(1, channels);
        return x.mul(gain.value().reshape(perChannel)).add(s.reshape(perChannel));
    }

    @Override
    public long[] outputShape(long[] input) {
        if ((input.length != 1 && input.length != 3) || input[0] != channels) {
            throw new IllegalArgumentException(name + " takes [" + channels + "] or [" + channels
                    + ", H, W], got " + java.util.Arrays.toString(input));
        }
        return input.clone();
    }

    /** Gain then shift. */
    @Override
    public List<Param> parameters() {
        return List.of(gain, shift);
    }
}
