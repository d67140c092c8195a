package org.plasticity.trainers.config;

import java.util.List;
import java.util.Objects;

/**
 * A spiking multi-layer perceptron. Type name {@code mlp}.
 *
 * @param hidden    hidden layer widths, each &gt;= 1; empty for a single weight layer; default [800, 800]
 * @param bias      whether layers have a bias; default false
 * @param head      {@code shared} output layer or one {@code per-task}; default {@code shared}
 * @param timesteps simulation steps per example, &gt;= 1; default 6
 * @param encoding  how pixels become input currents or spikes; default {@code direct}
 * @param readout   how output spikes become logits; default {@code mean}
 * @param neuron    the neuron model; default {@code lif}
 */
public record MlpModel(List<Integer> hidden, boolean bias, String head, int timesteps, EncodingConfig encoding,
        String readout, NeuronConfig neuron) implements ModelConfig {

    /** The documented defaults. */
    public static final MlpModel DEFAULTS = new MlpModel(List.of(800, 800), false, "shared", 6,
            DirectEncoding.DEFAULTS, "mean", LifNeuron.DEFAULTS);

    public MlpModel {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(readout, "readout");
        Objects.requireNonNull(neuron, "neuron");
    }

    @Override
    public int bodyWeightLayers() {
        return hidden.size();
    }

    @Override
    public String describeBodyWeightLayers() {
        return hidden.size() + " in model.hidden";
    }

    @Override
    public String describe() {
        return "mlp hidden " + hidden;
    }

    @Override
    public void validate(ConfigProblems problems) {
        for (int i = 0; i < hidden.size(); i++) {
            problems.at("hidden").at(i).atLeast(hidden.get(i), 1);
        }
        ModelConfig.validateCommon(this, problems);
    }
}
