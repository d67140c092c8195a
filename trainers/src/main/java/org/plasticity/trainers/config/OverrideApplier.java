package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Writes {@code --set} overrides into the user's tree, before defaults are filled in, so that keys the user never
 * wrote still come from the defaults of whatever type the node ends up with.
 *
 * <p>Setting the {@code type} of a polymorphic object to another type switches the object to that type: the keys
 * the file (or earlier overrides) wrote into it are dropped, so it takes the new type's defaults, and later
 * overrides apply on top ({@code --set model.neuron.surrogate.type=atan} gives atan's α, not the sigmoid's).
 *
 * <p>Missing objects on the way are created. An index into an array the user did not write indexes the value the
 * array would resolve to (its default), which is first copied into the tree.
 */
final class OverrideApplier {

    private final Function<List<PathSegment>, JsonNode> resolvedValue;

    /**
     * @param resolvedValue the value at a path of the tree as it would resolve now, or null when there is none
     */
    OverrideApplier(Function<List<PathSegment>, JsonNode> resolvedValue) {
        this.resolvedValue = resolvedValue;
    }

    /**
     * Applies one override to {@code root}.
     *
     * @throws ConfigException naming the override when it steps into a scalar or indexes a non-array or out of range
     */
    void apply(ObjectNode root, ConfigOverride override) {
        List<PathSegment> path = override.path();
        JsonNode container = root;
        for (int i = 0; i < path.size() - 1; i++) {
            List<PathSegment> here = path.subList(0, i + 1);
            JsonNode child = get(container, path.get(i), override, here);
            if (path.get(i + 1) instanceof PathSegment.Key) {
                if (child == null || child.isNull()) {
                    child = root.objectNode();
                    set(container, path.get(i), child);
                } else if (!child.isObject()) {
                    throw fail(override, PathSegment.render(here) + " is not an object, it is "
                            + NodeText.describe(child));
                }
            } else {
                if (child == null || child.isNull()) {
                    JsonNode resolved = resolvedValue.apply(here);
                    child = resolved == null ? null : resolved.deepCopy();
                    if (child != null && child.isArray()) {
                        set(container, path.get(i), child);
                    }
                }
                if (child == null || !child.isArray()) {
                    throw fail(override, "cannot index " + PathSegment.render(here) + ": not an array, it is "
                            + NodeText.describe(child));
                }
            }
            container = child;
        }
        PathSegment last = path.get(path.size() - 1);
        get(container, last, override, path);
        if (switchesType(override)) {
            ((ObjectNode) container).removeAll();
        }
        set(container, last, override.value());
    }

    /** True when the override names another type for an object that resolves to a polymorphic node now. */
    private boolean switchesType(ConfigOverride override) {
        if (!override.setsType()) {
            return false;
        }
        List<PathSegment> path = override.path();
        JsonNode current = resolvedValue.apply(path.subList(0, path.size() - 1));
        JsonNode type = current == null ? null : current.get(TypeRegistry.TYPE_KEY);
        return type != null && type.isTextual() && !type.equals(override.value());
    }

    /** The child at {@code segment}, null when an object lacks the key; an index must be in range. */
    private static JsonNode get(JsonNode container, PathSegment segment, ConfigOverride override,
            List<PathSegment> here) {
        if (segment instanceof PathSegment.Index index) {
            if (index.position() >= container.size()) {
                throw fail(override, "index " + index.position() + " out of range: "
                        + PathSegment.render(here.subList(0, here.size() - 1)) + " has " + container.size()
                        + " elements");
            }
            return container.get(index.position());
        }
        return container.get(((PathSegment.Key) segment).name());
    }

    private static void set(JsonNode container, PathSegment segment, JsonNode value) {
        if (segment instanceof PathSegment.Index index) {
            ((ArrayNode) container).set(index.position(), value);
        } else {
            ((ObjectNode) container).set(((PathSegment.Key) segment).name(), value);
        }
    }

    private static ConfigException fail(ConfigOverride override, String reason) {
        return new ConfigException(override.source() + ": " + reason);
    }
}
