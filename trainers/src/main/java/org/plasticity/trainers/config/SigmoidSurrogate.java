package org.plasticity.trainers.config;

/**
 * Derivative of {@code sigmoid(alpha x)}. Type name {@code sigmoid}.
 *
 * @param alpha steepness, &gt; 0; default 4.0
 */
public record SigmoidSurrogate(double alpha) implements SurrogateConfig {

    /** The documented defaults. */
    public static final SigmoidSurrogate DEFAULTS = new SigmoidSurrogate(4.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("alpha").positive(alpha);
    }
}
