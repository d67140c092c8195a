package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Leaky integrate-and-fire neuron trained with a surrogate gradient. Type name {@code lif}.
 *
 * @param tau         membrane time constant, &gt; 0; default 2.0
 * @param vth         firing threshold, &gt; 0; default 1.0
 * @param decayInput  whether the input is divided by {@code tau} as well as the membrane potential; default false
 * @param detachReset whether the reset is left out of the gradient; default true
 * @param surrogate   surrogate derivative of the spike; default {@code sigmoid}
 */
public record LifNeuron(double tau, double vth, boolean decayInput, boolean detachReset, SurrogateConfig surrogate)
        implements NeuronConfig {

    /** The documented defaults. */
    public static final LifNeuron DEFAULTS = new LifNeuron(2.0, 1.0, false, true, SigmoidSurrogate.DEFAULTS);

    public LifNeuron {
        Objects.requireNonNull(surrogate, "surrogate");
    }

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("tau").positive(tau);
        problems.at("vth").positive(vth);
        surrogate.validate(problems.at("surrogate"));
    }
}
