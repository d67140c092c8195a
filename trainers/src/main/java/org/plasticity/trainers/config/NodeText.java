package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes a JSON value briefly, for the "got ..." part of a message. */
final class NodeText {

    private static final int MAX_LENGTH = 40;

    private NodeText() {
    }

    /** Scalars as written in JSON (strings quoted, long ones shortened); containers by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        } else if (node.isObject()) {
            return "an object";
        } else if (node.isArray()) {
            return "an array";
        }
        String text = node.toString();
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
