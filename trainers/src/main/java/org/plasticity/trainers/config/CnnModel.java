package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The reference's spiking CNN (cfg 'A'): per entry of {@code channels} a block
 * {@code Conv3×3 → BatchNorm → neurons → 2×2 pooling}, then flatten and the heads. Input channels and
 * size come from the data. Type name {@code cnn}.
 *
 * @param channels  output channels of each conv block, each &gt;= 1; default [64, 128, 256]
 * @param pooling   the 2×2 pooling after each block, {@code avg} or {@code max}; default {@code avg}
 * @param bias      whether conv layers have a bias; default false (heads have one when per task, as in the
 *                  reference)
 * @param head      {@code shared} output layer or one {@code per-task}; default {@code per-task}
 * @param timesteps simulation steps per example, &gt;= 1; default 6
 * @param encoding  how pixels become input currents or spikes; default {@code direct}
 * @param readout   how output spikes become logits; default {@code mean}
 * @param neuron    the neuron model; default {@code lif}
 */
public record CnnModel(List<Integer> channels, String pooling, boolean bias, String head, int timesteps,
        EncodingConfig encoding, String readout, NeuronConfig neuron) implements ModelConfig {

    /** Known poolings. */
    public static final List<String> POOLINGS = List.of("avg", "max");

    /** The documented defaults. */
    public static final CnnModel DEFAULTS = new CnnModel(List.of(64, 128, 256), "avg", false, "per-task", 6,
            DirectEncoding.DEFAULTS, "mean", LifNeuron.DEFAULTS);

    public CnnModel {
        channels = List.copyOf(channels);
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(neuron, "neuron");
    }

    @Override
    public int bodyWeightLayers() {
        return channels.size();
    }

    @Override
    public String describeBodyWeightLayers() {
        return channels.size() + " conv layers in model.channels";
    }

    @Override
    public String describe() {
        return "cnn channels " + channels + ", " + pooling + " pooling";
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (channels.isEmpty()) {
            problems.at("channels").report("needs at least one conv block, got []");
        }
        for (int i = 0; i < channels.size(); i++) {
            problems.at("channels").at(i).atLeast(channels.get(i), 1);
        }
        problems.at("pooling").oneOf(pooling, POOLINGS);
        ModelConfig.validateCommon(this, problems);
    }
}
