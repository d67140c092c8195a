package org.plasticity.trainers.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the source of a problem: the last {@code --set} override that wrote the problem's path or a node above it,
 * else the config file.
 */
final class Provenance {

    private final String fileSource;
    private final List<ConfigOverride> overrides;

    Provenance(String fileSource, List<ConfigOverride> overrides) {
        this.fileSource = fileSource;
        this.overrides = List.copyOf(overrides);
    }

    /** Returns the source that supplied the value at {@code path}. */
    String sourceOf(String path) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            String written = overrides.get(i).renderedPath();
            if (path.equals(written) || path.startsWith(written + ".") || path.startsWith(written + "[")) {
                return overrides.get(i).source();
            }
        }
        return fileSource;
    }

    /** Throws one exception for all reported problems, if there are any. */
    void throwIfAny(ConfigProblems problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (ConfigProblem problem : problems.all()) {
            lines.add(sourceOf(problem.path()) + ": " + problem);
        }
        throw new ConfigException(lines);
    }
}
