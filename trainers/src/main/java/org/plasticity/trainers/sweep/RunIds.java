package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A run's id: the first {@value #LENGTH} hex digits of the SHA-256 of its resolved config written as canonical JSON
 * (keys sorted, no spaces), without the settings that say where and how fast a run goes but not what it computes:
 * {@code output.dir}, {@code output.progress} and {@code threads}. The same config always gets the same id, so
 * re-expanding a sweep finds its runs again whatever the order of its axes or the executor's thread count.
 */
public final class RunIds {

    /** Hex digits in an id. */
    public static final int LENGTH = 12;

    /** Config keys left out of the hash, as dotted paths. */
    public static final List<String> EXCLUDED = List.of("output.dir", "output.progress", "threads");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RunIds() {
    }

    /**
     * The id of a resolved config.
     *
     * @param resolvedConfigJson the config as {@code ExperimentConfigs.toJson} writes it
     * @return {@value #LENGTH} lower-case hex digits
     */
    public static String of(String resolvedConfigJson) {
        return hash(canonical(resolvedConfigJson));
    }

    /** The canonical text hashed for an id: sorted keys, no spaces, excluded keys removed. */
    static String canonical(String resolvedConfigJson) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(resolvedConfigJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON config: " + e.getOriginalMessage(), e);
        }
        for (String path : EXCLUDED) {
            remove(tree, path);
        }
        return sorted(tree).toString();
    }

    private static void remove(JsonNode tree, String dotted) {
        String[] parts = dotted.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]);
        }
        if (node instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = f.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
