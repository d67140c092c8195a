package org.plasticity.trainers.config;

/**
 * The activation of an ordinary, non-spiking network: {@code max(x, 0)}, no state over time. With
 * {@code model.timesteps=1} and {@code training.method=bptt} the network is the same graph without spikes.
 * Type name {@code relu}; no keys.
 */
public record ReluActivation() implements NeuronConfig {

    /** The documented defaults. */
    public static final ReluActivation DEFAULTS = new ReluActivation();

    @Override
    public void validate(ConfigProblems problems) {
    }
}
