package org.plasticity.trainers.config;

/**
 * The fast sigmoid {@code 1/(1 + slope |x|)^2} (SuperSpike). Type name {@code fast-sigmoid}.
 *
 * @param slope steepness, &gt; 0; default 25.0
 */
public record FastSigmoidSurrogate(double slope) implements SurrogateConfig {

    /** The documented defaults. */
    public static final FastSigmoidSurrogate DEFAULTS = new FastSigmoidSurrogate(25.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("slope").positive(slope);
    }
}
