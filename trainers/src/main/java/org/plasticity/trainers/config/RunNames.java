package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a run or sweep name may be: it becomes one folder name under the output directory, so it must be a single
 * path segment of safe characters ({@code A-Z a-z 0-9 . _ -}), not {@code .} or {@code ..}, at most
 * {@link #MAX_LENGTH} characters. Anything else could leave the output folder or fail on some file system.
 */
public final class RunNames {

    /** The longest name accepted. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private RunNames() {
    }

    /**
     * Checks a name.
     *
     * @param name the name
     * @return what is wrong with it, or empty when it is a usable folder name
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("expected a non-empty name");
        }
        if (!SAFE.matcher(name).matches()) {
            return Optional.of("expected one folder name of letters, digits, '.', '_' or '-' only, got "
                    + NodeText.describe(TextNode.valueOf(name)));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("\"" + name + "\" is not a folder name");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("expected at most " + MAX_LENGTH + " characters, got " + name.length());
        }
        return Optional.empty();
    }
}
