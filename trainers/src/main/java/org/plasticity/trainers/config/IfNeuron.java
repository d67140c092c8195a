package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Integrate-and-fire neuron without leak, trained with a surrogate gradient. Type name {@code if}.
 *
 * @param vth         firing threshold, &gt; 0; default 1.0
 * @param detachReset whether the reset is left out of the gradient; default true
 * @param surrogate   surrogate derivative of the spike; default {@code sigmoid}
 */
public record IfNeuron(double vth, boolean detachReset, SurrogateConfig surrogate) implements NeuronConfig {

    /** The documented defaults. */
    public static final IfNeuron DEFAULTS = new IfNeuron(1.0, true, SigmoidSurrogate.DEFAULTS);

    public IfNeuron {
        Objects.requireNonNull(surrogate, "surrogate");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("vth").positive(vth);
        surrogate.validate(problems.at("surrogate"));
    }
}
