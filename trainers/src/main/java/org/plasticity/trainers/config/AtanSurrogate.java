package org.plasticity.trainers.config;

/**
 * Derivative of {@code atan(pi/2 alpha x)/pi + 1/2}. Type name {@code atan}.
 *
 * @param alpha steepness, &gt; 0; default 2.0
 */
public record AtanSurrogate(double alpha) implements SurrogateConfig {

    /** The documented defaults. */
    public static final AtanSurrogate DEFAULTS = new AtanSurrogate(2.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("alpha").positive(alpha);
    }
}
