package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The JSON scalar types a config value may have, each accepting only its own kind of node: no coercion. */
enum ScalarKind {

    INTEGER("an integer", "integers") {
        @Override
        boolean accepts(JsonNode node) {
            return node.isIntegralNumber() && node.canConvertToInt();
        }

        @Override
        String expected(JsonNode node) {
            return node.isIntegralNumber()
                    ? "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    : description();
        }
    },
    LONG("an integer", "integers") {
        @Override
        boolean accepts(JsonNode node) {
            return node.isIntegralNumber() && node.canConvertToLong();
        }

        @Override
        String expected(JsonNode node) {
            return node.isIntegralNumber() ? "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                    : description();
        }
    },
    NUMBER("a number", "numbers") {
        @Override
        boolean accepts(JsonNode node) {
            return node.isNumber() && Double.isFinite(node.doubleValue());
        }
    },
    BOOLEAN("a boolean", "booleans") {
        @Override
        boolean accepts(JsonNode node) {
            return node.isBoolean();
        }
    },
    STRING("a string", "strings") {
        @Override
        boolean accepts(JsonNode node) {
            return node.isTextual();
        }
    };

    private final String description;
    private final String plural;

    ScalarKind(String description, String plural) {
        this.description = description;
        this.plural = plural;
    }

    /** Returns the kind for a Java component type, empty when it is not a scalar. */
    static Optional<ScalarKind> of(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Optional.of(INTEGER);
        } else if (type == long.class || type == Long.class) {
            return Optional.of(LONG);
        } else if (type == double.class || type == Double.class) {
            return Optional.of(NUMBER);
        } else if (type == boolean.class || type == Boolean.class) {
            return Optional.of(BOOLEAN);
        } else if (type == String.class) {
            return Optional.of(STRING);
        }
        return Optional.empty();
    }

    /** Tells whether a non-null node is a value of this kind. */
    abstract boolean accepts(JsonNode node);

    /** What the message says was expected instead of {@code node}. */
    String expected(JsonNode node) {
        return description;
    }

    /** Such as {@code "an integer"}. */
    String description() {
        return description;
    }

    /** Such as {@code "integers"}. */
    String plural() {
        return plural;
    }
}
