package org.plasticity.trainers.config;

/**
 * Emits a spike at each timestep with probability {@code gain} &times; intensity. Type name {@code poisson}; needs
 * unnormalized inputs ({@code data.normalize=false}).
 *
 * @param gain scale of the firing probability, &gt; 0; default 1.0
 */
public record PoissonEncoding(double gain) implements EncodingConfig {

    /** The documented defaults. */
    public static final PoissonEncoding DEFAULTS = new PoissonEncoding(1.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("gain").positive(gain);
    }
}
