package org.plasticity.trainers.config;

import java.util.List;

/**
 * A user error in an experiment config: malformed JSON, an unknown key, a value of the wrong type or out of range,
 * a bad {@code --set} override, or values that contradict each other.
 *
 * <p>The message is one line, safe to show to the user as is. Each problem reads
 * {@code <source>: <path>: <what was expected>}, where the source is the file name or the {@code --set} text that
 * supplied the value; several problems are joined with {@code "; "}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problems, each formatted {@code <source>: <path>: <message>}; never empty. */
    private final List<String> problems;

    /**
     * Creates an exception for one or more problems.
     *
     * @param problems formatted problems, at least one
     */
    public ConfigException(List<String> problems) {
        super(String.join("; ", requireSome(problems)));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception for a single problem.
     *
     * @param problem the formatted problem
     */
    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /**
     * Returns each problem on its own, for callers that print one per line.
     *
     * @return the formatted problems, never empty
     */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems;
    }
}
