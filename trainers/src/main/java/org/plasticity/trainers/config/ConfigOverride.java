package org.plasticity.trainers.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * One {@code --set path=value} override.
 *
 * @param text  the override as the user wrote it
 * @param path  where the value goes
 * @param value the value: the text after {@code =} parsed as JSON if it parses, else that text as a string
 */
record ConfigOverride(String text, List<PathSegment> path, JsonNode value) {

    ConfigOverride {
        path = List.copyOf(path);
    }

    /**
     * Parses {@code path=value}.
     *
     * @throws ConfigException naming {@code --set <text>} when there is no {@code =} or the path is malformed
     */
    static ConfigOverride parse(String text, ObjectMapper mapper) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new ConfigException(sourceOf(text) + ": expected path=value");
        }
        String pathText = text.substring(0, equals).strip();
        if (pathText.isEmpty()) {
            throw new ConfigException(sourceOf(text) + ": empty path before '='");
        }
        List<PathSegment> path;
        try {
            path = PathSegment.parse(pathText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(sourceOf(text) + ": " + e.getMessage());
        }
        return new ConfigOverride(text, path, parseValue(text.substring(equals + 1), mapper));
    }

    /** The source named in messages about this override. */
    String source() {
        return sourceOf(text);
    }

    /** True when the override sets a {@code type} key, which switches a polymorphic object's type. */
    boolean setsType() {
        return path.size() > 1 && path.get(path.size() - 1).equals(new PathSegment.Key(TypeRegistry.TYPE_KEY));
    }

    /**
     * The part of the config this override decides, in dotted form: its path, or for a {@code type} the whole
     * object, whose other keys then come from that type's defaults and later overrides.
     */
    String scope() {
        return setsType() ? PathSegment.render(path.subList(0, path.size() - 1)) : renderedPath();
    }

    /** The path in dotted form. */
    String renderedPath() {
        return PathSegment.render(path);
    }

    private static String sourceOf(String text) {
        return "--set " + text;
    }

    private static JsonNode parseValue(String raw, ObjectMapper mapper) {
        try {
            JsonNode parsed = mapper.readTree(raw);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(raw) : parsed;
        } catch (JacksonException notJson) {
            return TextNode.valueOf(raw);
        }
    }
}
