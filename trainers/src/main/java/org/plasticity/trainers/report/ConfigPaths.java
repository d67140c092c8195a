package org.plasticity.trainers.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** Dotted JSON paths into a config: {@code training.optimizer.lr} → its value as text. */
public final class ConfigPaths {
    private ConfigPaths() {
    }

    /**
     * The value at a dotted path, as text: strings bare, other values as JSON; null when the path is not there.
     *
     * @param root the config
     * @param path e.g. {@code method.type}
     * @return the text, or null
     */
    public static String get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject() || !node.has(part)) {
                return null;
            }
            node = node.get(part);
        }
        return text(node);
    }

    /**
     * Every leaf of a config as dotted path → text. Arrays and nulls are leaves; objects are descended into.
     *
     * @param root the config
     * @return the leaves, sorted by path
     */
    public static Map<String, String> leaves(JsonNode root) {
        Map<String, String> out = new TreeMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    out));
        } else {
            out.put(path, text(node));
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
