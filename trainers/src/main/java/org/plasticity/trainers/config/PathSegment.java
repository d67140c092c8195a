package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One step of a config path: an object key or an array index. */
sealed interface PathSegment permits PathSegment.Key, PathSegment.Index {

    /** An object key. */
    record Key(String name) implements PathSegment {
    }

    /** An array index. */
    record Index(int position) implements PathSegment {
    }

    /** Writes a path in the dotted form used in messages, such as {@code model.hidden[0]}. */
    static String render(List<PathSegment> path) {
        String text = "";
        for (PathSegment segment : path) {
            if (segment instanceof Key key) {
                text = ConfigProblems.child(text, key.name());
            } else if (segment instanceof Index index) {
                text = ConfigProblems.element(text, index.position());
            }
        }
        return text;
    }

    /** Returns the node at {@code path} below {@code root}, or null when there is none. */
    static JsonNode find(JsonNode root, List<PathSegment> path) {
        JsonNode node = root;
        for (PathSegment segment : path) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Index index ? node.get(index.position()) : node.get(((Key) segment).name());
        }
        return node;
    }

    /**
     * Parses a dotted path with {@code [i]} indices. The path starts with a key; keys are non-empty and hold no
     * {@code .}, {@code [} or {@code ]}.
     *
     * @throws IllegalArgumentException saying what is wrong with the path
     */
    static List<PathSegment> parse(String text) {
        List<PathSegment> path = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = i;
            while (i < text.length() && ".[]".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("empty key at position " + (start + 1) + " of the path");
            }
            path.add(new Key(text.substring(start, i)));
            while (i < text.length() && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                String digits = close < 0 ? "" : text.substring(i + 1, close);
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
                    throw new IllegalArgumentException("expected [index] with a non-negative integer index at position "
                            + (i + 1) + " of the path");
                }
                path.add(new Index(Integer.parseInt(digits)));
                i = close + 1;
            }
            if (i == text.length()) {
                return List.copyOf(path);
            }
            if (text.charAt(i) != '.') {
                throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "' at position " + (i + 1)
                        + " of the path");
            }
            i++;
        }
    }
}
