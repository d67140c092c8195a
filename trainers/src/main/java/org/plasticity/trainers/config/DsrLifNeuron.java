package org.plasticity.trainers.config;

/**
 * Leaky integrate-and-fire neuron for differentiation on spike representation (DSR): gradients flow through the
 * weighted firing rate instead of a surrogate. Type name {@code dsr-lif}; requires {@code training.method=dsr}.
 *
 * @param vth      initial firing threshold, &gt; 0; default 0.3
 * @param tau      membrane time constant, &gt; 0; default 1.0
 * @param dt       simulation time step, &gt; 0; default 0.05
 * @param alpha    scale of the threshold's trainable offset, in (0, 1]; default 0.3
 * @param trainVth whether the threshold is trained; default true
 * @param vthBound smallest threshold allowed during training, &gt; 0; default 0.0005
 */
public record DsrLifNeuron(double vth, double tau, double dt, double alpha, boolean trainVth, double vthBound)
        implements NeuronConfig {

    /** The documented defaults. */
    public static final DsrLifNeuron DEFAULTS = new DsrLifNeuron(0.3, 1.0, 0.05, 0.3, true, 0.0005);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("vth").positive(vth);
        problems.at("tau").positive(tau);
        problems.at("dt").positive(dt);
        problems.at("alpha").inRange(alpha, 0, false, 1, true);
        problems.at("vthBound").positive(vthBound);
    }
}
