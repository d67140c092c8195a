package org.plasticity.trainers.config;

import java.util.Objects;

/**
 * Where results are written.
 *
 * @param dir         folder that receives one subfolder per run; default {@code runs}
 * @param saveWeights whether the final weights are saved; default true
 * @param progress    whether a progress bar is shown; default true
 * @param checkpointEverySteps a full-state checkpoint every this many optimizer steps, &gt;= 0 (0: only at the end
 *                    of each task); default 500
 */
public record OutputConfig(String dir, boolean saveWeights, boolean progress, int checkpointEverySteps)
        implements ConfigNode {

    /** The documented defaults. */
    public static final OutputConfig DEFAULTS = new OutputConfig("runs", true, true, 500);

    public OutputConfig {
        Objects.requireNonNull(dir, "dir");
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (dir.isBlank()) {
            problems.at("dir").report("expected a non-empty string");
        }
        problems.at("checkpointEverySteps").atLeast(checkpointEverySteps, 0);
    }
}
