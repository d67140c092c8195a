package org.plasticity.trainers.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the source of a problem: the last {@code --set} override that decided the problem's path (wrote it or a
 * node above it, or switched the type of an object above it) or wrote a value below it (a problem reported at an
 * object, such as nesterov without momentum), else the config file.
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
            String written = overrides.get(i).scope();
            if (within(path, written) || !path.isEmpty() && within(written, path)) {
                return overrides.get(i).source();
            }
        }
        return fileSource;
    }

    /** True when {@code path} is {@code ancestor} or below it. */
    private static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
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
