package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The reference's spiking pre-activation ResNet-18: a stem convolution, eight residual blocks of widths
 * {@code w, w, 2w, 2w, 4w, 4w, 8w, 8w}, BatchNorm, neurons, global average pooling and the heads. It has 20
 * weight layers before the heads, in the order stem, then each block's conv1, conv2 and (blocks 3, 5, 7)
 * shortcut. Type name {@code resnet18}.
 *
 * @param width     the first stage's width nf, &gt;= 1; default 20 (the paper's)
 * @param stem      {@code conv3} (3×3, stride 1: 5-Datasets) or {@code conv5-stride2} (5×5, stride 2:
 *                  miniImageNet); default {@code conv3}
 * @param head      {@code shared} output layer or one {@code per-task}; default {@code per-task}
 * @param timesteps simulation steps per example, &gt;= 1; default 6
 * @param encoding  how pixels become input currents or spikes; default {@code direct}
 * @param readout   how output spikes become logits; default {@code mean}
 * @param neuron    the neuron model; default {@code lif}
 */
public record ResNetModel(int width, String stem, String head, int timesteps, EncodingConfig encoding,
        String readout, NeuronConfig neuron) implements ModelConfig {

    /** Known stems. */
    public static final List<String> STEMS = List.of("conv3", "conv5-stride2");

    /** Weight layers before the heads: the stem, 16 block convs and 3 shortcuts. */
    public static final int BODY_WEIGHT_LAYERS = 20;

    /** The documented defaults. */
    public static final ResNetModel DEFAULTS = new ResNetModel(20, "conv3", "per-task", 6, DirectEncoding.DEFAULTS,
            "mean", LifNeuron.DEFAULTS);

    public ResNetModel {
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(neuron, "neuron");
    }

    @Override
    public int bodyWeightLayers() {
        return BODY_WEIGHT_LAYERS;
    }

    @Override
    public String describeBodyWeightLayers() {
        return BODY_WEIGHT_LAYERS + " in the ResNet-18 body: stem, then per block conv1, conv2 (and shortcut in "
                + "blocks 3, 5, 7)";
    }

    @Override
    public String describe() {
        return "resnet18 width " + width + ", stem " + stem;
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("width").atLeast(width, 1);
        problems.at("stem").oneOf(stem, STEMS);
        ModelConfig.validateCommon(this, problems);
    }
}
