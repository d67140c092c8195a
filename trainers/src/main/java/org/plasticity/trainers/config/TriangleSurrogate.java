package org.plasticity.trainers.config;

/**
 * A triangle of half-width {@code width} around the threshold. Type name {@code triangle}.
 *
 * @param width half-width of the triangle, &gt; 0; default 1.0
 */
public record TriangleSurrogate(double width) implements SurrogateConfig {

    /** The documented defaults. */
    public static final TriangleSurrogate DEFAULTS = new TriangleSurrogate(1.0);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("width").positive(width);
    }
}
