package org.plasticity.core.net;

import org.plasticity.core.layer.AdaptiveAvgPool2dLayer;
import org.plasticity.core.layer.BatchNormLayer;
import org.plasticity.core.layer.Conv2dLayer;
import org.plasticity.core.layer.FlattenLayer;
import org.plasticity.core.layer.Layer;
import org.plasticity.core.layer.LinearLayer;
import org.plasticity.core.layer.PreActivationBlock;
import org.plasticity.core.layer.UnitGate;
import org.plasticity.core.layer.UnitGates;
import org.plasticity.core.layer.WeightInit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference's spiking pre-activation ResNet-18 (hlop.md §3): a stem convolution (3×3 stride 1,
 * or 5×5 stride 2 padding 2 for miniImageNet; no BatchNorm or neurons after it), eight
 * {@link PreActivationBlock}s of widths {@code nf, nf, 2nf, 2nf, 4nf, 4nf, 8nf, 8nf} and strides
 * {@code 1, 1, 2, 1, 2, 1, 2, 1} (a 1×1 projection shortcut where the shape changes), then
 * {@code BatchNorm → neurons → global average pooling → flatten} and the heads. The residual
 * stream is analog. Convs have no bias and start at {@code N(0, 2/(k²·C_out))}; heads at
 * {@code N(0, 0.01²)}. Weight layers are numbered stem, then each block's conv1, conv2, shortcut —
 * the order of the reference's per-layer HLOP lists.
 *
 * <p>Unit gates (open unless a method sets them; hat.md §6): one <em>stream gate</em> per stage
 * ({@code stage1} … {@code stage4}, one per width) on the spikes of every read of that stage's
 * residual stream — each block's first neurons and the final neurons — and one <em>inner gate</em>
 * per block ({@code block1} …) on its second neurons. Every writer of a stream (the stem, a block's
 * conv₂ and its projection shortcut) has the stream gate as its post gate, and every reader is gated
 * by it, so the analog stream itself needs no gate: conv₁ reads the stream gate and writes the
 * inner gate, conv₂ reads the inner gate and writes the stream, a shortcut reads the previous stage's
 * stream gate and writes the next one's.
 */
public final class SpikingResNet18 implements Architecture {
    /** The stem convolution. */
    public enum Stem { CONV3, CONV5_STRIDE2 }

    /**
     * The shape of the network.
     *
     * @param inputShape per-sample input {@code [C, H, W]}
     * @param width nf, the width of the first stage (20 in the paper)
     * @param stem the stem convolution
     * @param headOutputs outputs of each head (one entry: a shared head)
     * @param headBias whether heads have a bias (the reference's per-task heads do, its shared one not)
     */
    public record Spec(long[] inputShape, int width, Stem stem, List<Integer> headOutputs, boolean headBias) {
        public Spec {
            headOutputs = List.copyOf(headOutputs);
            if (inputShape.length != 3 || width < 1 || headOutputs.isEmpty()) {
                throw new IllegalArgumentException("a ResNet needs a [C, H, W] input, a width and a head");
            }
        }
    }

    private static final int[] WIDTH_FACTORS = {1, 1, 2, 2, 4, 4, 8, 8};
    private static final int[] STRIDES = {1, 1, 2, 1, 2, 1, 2, 1};

    private final Spec spec;
    private final NeuronFactory neurons;

    public SpikingResNet18(Spec spec, NeuronFactory neurons) {
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
        int index = 0;
        long[] shape = spec.inputShape().clone();
        int in = (int) shape[0];
        int nf = spec.width();
        Conv2dLayer stem = spec.stem() == Stem.CONV3
                ? conv(index++, "stem", in, nf, 3, 1, 1, context, random)
                : conv(index++, "stem", in, nf, 5, 2, 2, context, random);
        shape = stem.outputShape(shape);
        body.add(stem);
        int stage = 1;
        UnitGate stream = gates.gate("stage" + stage, nf);
        gates.wire(stem, null, stream);
        in = nf;
        for (int b = 0; b < WIDTH_FACTORS.length; b++) {
            int out = nf * WIDTH_FACTORS[b];
            int stride = STRIDES[b];
            String n = "block" + (b + 1);
            Conv2dLayer conv1 = conv(index++, n + ".conv1", in, out, 3, stride, 1, context, random);
            Conv2dLayer conv2 = conv(index++, n + ".conv2", out, out, 3, 1, 1, context, random);
            Conv2dLayer shortcut = stride != 1 || in != out
                    ? conv(index++, n + ".shortcut", in, out, 1, stride, 0, context, random) : null;
            Layer bn1 = new BatchNormLayer(n + ".bn1", in, 0.1, 1e-5, context.manager());
            Layer neuron1 = neurons.create(n + ".sn1", context);
            Layer bn2 = new BatchNormLayer(n + ".bn2", out, 0.1, 1e-5, context.manager());
            Layer neuron2 = neurons.create(n + ".sn2", context);
            PreActivationBlock block = new PreActivationBlock(n, bn1, neuron1, conv1, bn2, neuron2, conv2, shortcut);
            UnitGate inner = gates.gate(n, out);
            UnitGate next = out == in ? stream : gates.gate("stage" + ++stage, out);
            gates.after(neuron1, stream).after(neuron2, inner).wire(conv1, stream, inner).wire(conv2, inner, next);
            if (shortcut != null) {
                gates.wire(shortcut, stream, next);
            }
            stream = next;
            shape = block.outputShape(shape);
            body.add(block);
            in = out;
        }
        Layer bn = new BatchNormLayer("bn", in, 0.1, 1e-5, context.manager());
        Layer last = neurons.create("sn", context);
        gates.after(last, stream).readout(stream, 1);
        List<Layer> tail = List.of(bn, last, new AdaptiveAvgPool2dLayer("pool", 1, 1), new FlattenLayer("flatten"));
        for (Layer layer : tail) {
            shape = layer.outputShape(shape);
            body.add(layer);
        }
        List<LinearLayer> heads = new ArrayList<>();
        int features = Math.toIntExact(shape[0]);
        for (int h = 0; h < spec.headOutputs().size(); h++) {
            heads.add(new LinearLayer(index, "head" + h, features, spec.headOutputs().get(h), spec.headBias(),
                    WeightInit.NORMAL_0_01, context.manager(), random));
        }
        return new Parts(spec.inputShape(), body, heads, gates.build());
    }

    private static Conv2dLayer conv(int index, String name, int in, int out, int k, int stride, int padding,
                                    NetworkContext context, SplittableRandom random) {
        return new Conv2dLayer(index, name, in, out, k, stride, padding, false, WeightInit.KAIMING_NORMAL_FAN_OUT,
                context.manager(), random);
    }
}
