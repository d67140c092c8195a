package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * The spiking network.
 *
 * @param type      architecture, one of {@link #TYPES}; default {@code mlp}
 * @param hidden    hidden layer widths, each &gt;= 1; empty for a single weight layer; default [800, 800]
 * @param bias      whether layers have a bias; default false
 * @param head      {@code shared} output layer or one {@code per-task}; default {@code shared}
 * @param timesteps simulation steps per example, &gt;= 1; default 6
 * @param encoding  how pixels become input currents or spikes; default {@code direct}
 * @param readout   how output spikes become logits, one of {@link #READOUTS}; default {@code mean}
 * @param neuron    the neuron model; default {@code lif}
 */
public record ModelConfig(String type, List<Integer> hidden, boolean bias, String head, int timesteps,
        EncodingConfig encoding, String readout, NeuronConfig neuron) implements ConfigNode {

    /** Known architectures. */
    public static final List<String> TYPES = List.of("mlp");

    /** Known heads. */
    public static final List<String> HEADS = List.of("shared", "per-task");

    /** Known readouts. */
    public static final List<String> READOUTS = List.of("mean", "sum", "weighted-rate");

    /** The documented defaults. */
    public static final ModelConfig DEFAULTS = new ModelConfig("mlp", List.of(800, 800), false, "shared", 6,
            DirectEncoding.DEFAULTS, "mean", LifNeuron.DEFAULTS);

    public ModelConfig {
        Objects.requireNonNull(type, "type");
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(neuron, "neuron");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("type").oneOf(type, TYPES);
        for (int i = 0; i < hidden.size(); i++) {
            problems.at("hidden").at(i).atLeast(hidden.get(i), 1);
        }
        problems.at("head").oneOf(head, HEADS);
        problems.at("timesteps").atLeast(timesteps, 1);
        encoding.validate(problems.at("encoding"));
        problems.at("readout").oneOf(readout, READOUTS);
        neuron.validate(problems.at("neuron"));
    }
}
