package org.plasticity.core.net;

import org.plasticity.core.layer.Pool2dLayer;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.FlattenLayer;
import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;

import org.plasticity.core.layer.WeightInit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference's spiking CNN (hlop.md §3, cfg 'A'): blocks
 * {@code Conv3×3(pad 1, no bias) → BatchNorm → neurons → 2×2 pooling}, one per entry of
 * {@code channels} (64, 128, 256 in the paper), then flatten and the heads. Conv weights are
 * {@code kaiming_normal(fan_out)}, BatchNorm starts at γ = 1, β = 0, heads at {@code N(0, 0.01²)}
 * with zero bias. Input channels and size come from the data. Each block's spikes pass a per-channel
 * {@link UnitGate} named after its convolution (open unless a method sets it) before the pooling,
 * which commutes with it (average pooling is linear, and max pooling commutes with a gate ≥ 0).
 */
public final class SpikingCnn implements Architecture {
    /**
     * The shape of the network.
     *
     * @param inputShape per-sample input {@code [C, H, W]}
     * @param channels output channels of each conv block
     * @param pooling the 2×2 pooling after each block
     * @param convBias whether conv layers have a bias (the reference's have none)
     * @param headOutputs outputs of each head (one entry: a shared head)
     * @param headBias whether heads have a bias (the reference's per-task heads do)
     */
    public record Spec(long[] inputShape, List<Integer> channels, Pool2dLayer.Kind pooling, boolean convBias,
                       List<Integer> headOutputs, boolean headBias) {
        public Spec {
            channels = List.copyOf(channels);
            headOutputs = List.copyOf(headOutputs);
            if (inputShape.length != 3 || channels.isEmpty() || headOutputs.isEmpty()) {
                throw new IllegalArgumentException("a CNN needs a [C, H, W] input, conv channels and a head");
            }
        }
    }

    private final Spec spec;
    private final NeuronFactory neurons;

    public SpikingCnn(Spec spec, NeuronFactory neurons) {
        this.spec = spec;
        this.neurons = neurons;
    }

    /** The shape this architecture was built for. */
    public Spec spec() {
        return spec;
    }

    @Override
    public long[] inputShape() {
        return spec.inputShape().clone();
    }

    @Override
    public Parts build(NetworkContext context, SplittableRandom random) {
        List<Layer> body = new ArrayList<>();
        UnitGates.Builder gates = new UnitGates.Builder();
        UnitGate previous = null;
        long[] shape = spec.inputShape().clone();
        int in = (int) shape[0];
        for (int b = 0; b < spec.channels().size(); b++) {
            int out = spec.channels().get(b);
            String n = Integer.toString(b + 1);
            Conv2dLayer conv = new Conv2dLayer(b, "conv" + n, in, out, 3, 1, 1, spec.convBias(),
                    WeightInit.KAIMING_NORMAL_FAN_OUT, context.manager(), random);
            Layer bn = new BatchNormLayer("bn" + n, out, 0.1, 1e-5, context.manager());
            Layer neuron = neurons.create("sn" + n, context);
            Layer pool = new Pool2dLayer("pool" + n, spec.pooling(), 2, 2);
            for (Layer layer : List.of(conv, bn, neuron, pool)) {
                shape = layer.outputShape(shape);
                body.add(layer);
            }
            UnitGate gate = gates.gate(conv.name(), out);
            gates.after(neuron, gate).wire(conv, previous, gate);
            previous = gate;
            in = out;
        }
        int positions = Math.toIntExact(shape[1] * shape[2]);
        Layer flatten = new FlattenLayer("flatten");
        shape = flatten.outputShape(shape);
        body.add(flatten);
        List<LinearLayer> heads = new ArrayList<>();
        int features = Math.toIntExact(shape[0]);
        for (int h = 0; h < spec.headOutputs().size(); h++) {
            heads.add(new LinearLayer(spec.channels().size(), "head" + h, features, spec.headOutputs().get(h),
                    spec.headBias(), WeightInit.NORMAL_0_01, context.manager(), random));
        }
        return new Parts(spec.inputShape(), body, heads, gates.readout(previous, positions).build());
    }
}
