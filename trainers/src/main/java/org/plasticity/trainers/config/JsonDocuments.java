package org.plasticity.trainers.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Parses config text into a JSON object tree, turning syntax errors into messages with line and column. */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /**
     * Parses {@code json}, which must hold exactly one JSON object.
     *
     * @throws ConfigException naming {@code source}, the line and column, and the JSON path reached, if malformed
     */
    static ObjectNode readObject(ObjectMapper mapper, String json, String source) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ConfigException(source + ": " + where(e) + "malformed JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new ConfigException(source + ": expected a JSON object, got an empty document");
        }
        if (!node.isObject()) {
            throw new ConfigException(source + ": expected a JSON object at the top level, got "
                    + NodeText.describe(node));
        }
        return (ObjectNode) node;
    }

    private static String where(JacksonException e) {
        JsonLocation location = e.getLocation();
        String text = location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        // The parser knows how far into the document it got, which helps in a long file.
        if (e instanceof JsonProcessingException processing && processing.getProcessor() instanceof JsonParser parser) {
            String path = pathOf(parser.getParsingContext());
            if (!path.isEmpty()) {
                text += "near " + path + ": ";
            }
        }
        return text;
    }

    /** The dotted path of a parsing context, such as {@code model.hidden[1]}. */
    private static String pathOf(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        String path = "";
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path = ConfigProblems.element(path, Math.max(0, c.getCurrentIndex()));
            } else if (c.getCurrentName() != null) {
                path = ConfigProblems.child(path, c.getCurrentName());
            }
        }
        return path;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
