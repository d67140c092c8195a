package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Where results are written.
 *
 * @param dir         folder that receives one subfolder per run; default {@code runs}
 * @param saveWeights whether trained weights are saved after each task; default true
 * @param progress    whether a progress bar is shown; default true
 */
public record OutputConfig(String dir, boolean saveWeights, boolean progress) implements ConfigNode {

    /** The documented defaults. */
    public static final OutputConfig DEFAULTS = new OutputConfig("runs", true, true);

    public OutputConfig {
        Objects.requireNonNull(dir, "dir");
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (dir.isBlank()) {
            problems.at("dir").report("expected a non-empty string");
        }
    }
}
