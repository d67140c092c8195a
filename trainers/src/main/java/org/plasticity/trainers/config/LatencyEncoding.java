package org.plasticity.trainers.config;

/**
 * Emits one spike per pixel, earlier for brighter pixels; pixels at or below {@code threshold} never spike. Type name
 * {@code latency}; needs unnormalized inputs ({@code data.normalize=false}).
 *
 * @param threshold intensity below which a pixel stays silent, in [0, 1); default 0.01
 */
public record LatencyEncoding(double threshold) implements EncodingConfig {

    /** The documented defaults. */
    public static final LatencyEncoding DEFAULTS = new LatencyEncoding(0.01);

    @Override
    public void validate(ConfigProblems problems) {
        problems.at("threshold").inRange(threshold, 0, true, 1, false);
    }
}
