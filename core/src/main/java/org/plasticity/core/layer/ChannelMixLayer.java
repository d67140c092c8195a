package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.plasticity.core.tensor.StepScope;

/**
 * A 1×1 convolution without bias that starts as the identity, {@code y[c] = Σ_c' M[c, c']·x[c']}
 * with {@code M = I}: the 1×1-conv neuro-modulator of NHL's ablation (tta-nhl.md §1.3 (c)). Linear
 * and the same at every step, so a weighted sum over time passes through it. It is not a weight
 * layer of the network's numbering: continual methods never see it.
 */
public final class ChannelMixLayer implements TimeLinear {
    private final String name;
    private final int channels;
    private final Param mix;

    /**
     * @param name parameter-name prefix ({@code modulator})
     * @param channels C
     * @param manager the network's long-lived manager
     */
    public ChannelMixLayer(String name, int channels, NDManager manager) {
        if (channels < 1) {
            throw new IllegalArgumentException(name + ": needs channels >= 1");
        }
        this.name = name;
        this.channels = channels;
        this.mix = new Param(name + ".weight", StepScope.keep(manager.eye(channels)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity input, ForwardContext context) {
        return input.map(this::apply);
    }

    @Override
    public NDArray applyToSum(NDArray sum, double k, ForwardContext context) {
        return apply(sum);
    }

    private NDArray apply(NDArray x) {
        NDArray mt = mix.value().transpose();
        if (x.getShape().dimension() == 2) {
            return x.matMul(mt);
        }
        return x.transpose(0, 2, 3, 1).matMul(mt).transpose(0, 3, 1, 2);
    }

    @Override
    public long[] outputShape(long[] input) {
        if ((input.length != 1 && input.length != 3) || input[0] != channels) {
            throw new IllegalArgumentException(name + " takes [" + channels + "] or [" + channels
                    + ", H, W], got " + java.util.Arrays.toString(input));
        }
        return input.clone();
    }

    @Override
    public List<Param> parameters() {
        return List.of(mix);
    }
}
