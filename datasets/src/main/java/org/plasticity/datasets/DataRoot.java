package org.plasticity.datasets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Resolves the data directory: the configured value if given, else the environment variable
 * {@value #ENV}, else {@code ./data}.
 */
public final class DataRoot {

    /** Environment variable that names the data directory when no value is configured. */
    public static final String ENV = "PLASTICITY_DATA";

    private DataRoot() {}

    /**
     * @param configured the configured data root ({@code data.root}), or null
     * @return the absolute data directory, reading the process environment
     */
    public static Path resolve(Path configured) {
        return resolve(configured, System::getenv);
    }

    /**
     * @param configured the configured data root, or null
     * @param env environment lookup (name to value, null when unset)
     * @return the absolute data directory
     */
    public static Path resolve(Path configured, Function<String, String> env) {
        Objects.requireNonNull(env, "env");
        Path chosen;
        if (configured != null) {
            chosen = configured;
        } else {
            String fromEnv = env.apply(ENV);
            chosen = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("data");
        }
        return chosen.toAbsolutePath().normalize();
    }
}
