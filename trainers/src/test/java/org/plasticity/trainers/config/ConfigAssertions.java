package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Shared helpers: read a config expecting failure, and check that a specific problem was reported. */
final class ConfigAssertions {

    static final String SOURCE = "quick.json";

    private ConfigAssertions() {
    }

    static ExperimentConfig parse(String json, String... overrides) {
        return ExperimentConfigs.parse(json, SOURCE, List.of(overrides));
    }

    static ConfigException fails(String json, String... overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(json, overrides));
        assertFalse(e.getMessage().contains("\n"), () -> "message must be one line: " + e.getMessage());
        return e;
    }

    /**
     * Asserts that one problem reads {@code <source>: <path>: ...} with exactly this path and contains
     * {@code fragment}.
     */
    static void assertProblem(ConfigException e, String source, String path, String fragment) {
        String prefix = path.isEmpty() ? source + ": " : source + ": " + path + ": ";
        boolean found = e.problems().stream().anyMatch(p -> p.startsWith(prefix) && p.contains(fragment));
        assertTrue(found, () -> "expected a problem starting with '" + prefix + "' containing '" + fragment
                + "', got: " + e.getMessage());
    }

    static void assertProblem(ConfigException e, String path, String fragment) {
        assertProblem(e, SOURCE, path, fragment);
    }
}
