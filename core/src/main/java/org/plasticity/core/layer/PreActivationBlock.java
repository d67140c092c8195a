package org.plasticity.core.layer;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference's pre-activation residual block (hlop.md §3): with {@code p = N₁(BN₁(x))},
 * {@code out = conv₂(N₂(BN₂(conv₁(p)))) + s}, where the shortcut {@code s} is {@code x}, or
 * {@code conv_s(p)} (1×1, strided) when the shape changes. The residual stream is analog; spikes
 * occur only after BatchNorm and neurons. Its weight layers, in the order HLOP's per-layer lists
 * use, are {@code conv₁, conv₂[, conv_s]}.
 */
public final class PreActivationBlock implements Layer {
    private final String name;
    private final Layer bn1;
    private final Layer neuron1;
    private final WeightLayer conv1;
    private final Layer bn2;
    private final Layer neuron2;
    private final WeightLayer conv2;
    private final WeightLayer shortcut;

    /**
     * @param shortcut the projection shortcut, or null for the identity
     */
    public PreActivationBlock(String name, Layer bn1, Layer neuron1, WeightLayer conv1, Layer bn2, Layer neuron2,
                              WeightLayer conv2, WeightLayer shortcut) {
        this.name = name;
        this.bn1 = bn1;
        this.neuron1 = neuron1;
        this.conv1 = conv1;
        this.bn2 = bn2;
        this.neuron2 = neuron2;
        this.conv2 = conv2;
        this.shortcut = shortcut;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Activity forward(Activity x, ForwardContext context) {
        Activity p = context.forward(neuron1, context.forward(bn1, x));
        Activity h = context.forward(conv2, context.forward(neuron2, context.forward(bn2,
                context.forward(conv1, p))));
        Activity s = shortcut == null ? x : context.forward(shortcut, p);
        Activity out = h.isStatic() && s.isStatic() ? Activity.constant(h.value().add(s.value()))
                : Activity.timeMajor(context.timeMajor(h).add(context.timeMajor(s)));
        if (h.deferred() == null && s.deferred() == null) {
            return out;
        }
        return out.withDeferred(deferred(h).plus(deferred(s)));
    }

    private static DeferredSum deferred(Activity a) {
        return a.deferred() != null ? a.deferred() : DeferredSum.ofPlain(new Activity(a.value(), a.isStatic()));
    }

    @Override
    public long[] outputShape(long[] input) {
        long[] main = conv2.outputShape(neuron2.outputShape(bn2.outputShape(conv1.outputShape(
                neuron1.outputShape(bn1.outputShape(input))))));
        long[] side = shortcut == null ? input : shortcut.outputShape(input);
        if (!java.util.Arrays.equals(main, side)) {
            throw new IllegalArgumentException(name + ": the residual path gives " + java.util.Arrays.toString(main)
                    + " but the shortcut gives " + java.util.Arrays.toString(side)
                    + "; a block that changes the shape needs a projection shortcut");
        }
        return main;
    }

    @Override
    public List<Layer> children() {
        List<Layer> layers = new ArrayList<>(List.of(bn1, neuron1, conv1, bn2, neuron2, conv2));
        if (shortcut != null) {
            layers.add(shortcut);
        }
        return layers;
    }

    @Override
    public List<Param> parameters() {
        List<Param> params = new ArrayList<>();
        children().forEach(l -> params.addAll(l.parameters()));
        return params;
    }

    @Override
    public List<Buffer> buffers() {
        List<Buffer> buffers = new ArrayList<>();
        children().forEach(l -> buffers.addAll(l.buffers()));
        return buffers;
    }

    @Override
    public void afterUpdate() {
        children().forEach(Layer::afterUpdate);
    }

    @Override
    public void freezeStatistics() {
        children().forEach(Layer::freezeStatistics);
    }
}
