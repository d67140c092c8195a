package org.plasticity.trainers.config;

/**
 * Derivative of {@code erfc(-alpha x)/2}, a Gaussian. Type name {@code erf}.
 *
 * @param alpha steepness, &gt; 0; default 2.0
 */
public record ErfSurrogate(double alpha) implements SurrogateConfig {

    /** The documented defaults. */
    public static final ErfSurrogate DEFAULTS = new ErfSurrogate(2.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("alpha").positive(alpha);
    }
}
