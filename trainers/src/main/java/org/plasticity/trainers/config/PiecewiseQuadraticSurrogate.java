package org.plasticity.trainers.config;

/**
 * The piecewise quadratic surrogate, nonzero for {@code |x| < 1/alpha}. Type name {@code piecewise-quadratic}.
 *
 * @param alpha steepness, &gt; 0; default 1.0
 */
public record PiecewiseQuadraticSurrogate(double alpha) implements SurrogateConfig {

    /** The documented defaults. */
    public static final PiecewiseQuadraticSurrogate DEFAULTS = new PiecewiseQuadraticSurrogate(1.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("alpha").positive(alpha);
    }
}
