package org.plasticity.trainers.config;

/**
 * One thing wrong with a config, located by its JSON path.
 *
 * @param path    dotted path with indices, such as {@code model.hidden[1]}; empty for the document itself
 * @param message what was expected and what was found, such as {@code expected an integer >= 1, got 0}
 */
public record ConfigProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
