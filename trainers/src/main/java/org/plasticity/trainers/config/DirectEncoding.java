package org.plasticity.trainers.config;

/** Feeds the pixel intensities as an input current at every timestep. Type name {@code direct}; no keys. */
public record DirectEncoding() implements EncodingConfig {

    /** The only value. */
    public static final DirectEncoding DEFAULTS = new DirectEncoding();

    @Override
    public void validate(ConfigProblems problems) {
        // Nothing to check: there are no keys.
    }
}
