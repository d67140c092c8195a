package org.plasticity.trainers.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the complete config tree from the user's tree, guided by the config records themselves: each key the user
 * left out takes the default of the record it belongs to, and a polymorphic node takes the defaults of the type its
 * {@code type} key names. Unknown keys and types, nulls where a value is required, and values of the wrong JSON type
 * are reported; the returned tree holds defaults in their place, so it is complete even when problems were found.
 *
 * <p>A component accepts null exactly when its default is null.
 */
final class DefaultsResolver {

    private final ObjectMapper mapper;

    DefaultsResolver(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Resolves a whole experiment config tree, reporting problems with paths from the root. */
    ObjectNode resolve(ObjectNode user, ConfigProblems problems) {
        return record(ExperimentConfig.class, user, ExperimentConfig.DEFAULTS, null, problems);
    }

    /**
     * Resolves one record node.
     *
     * @param user     the user's object node, or null when the user wrote nothing here
     * @param defaults the record instance whose values fill the gaps
     * @param typeName the registered type name to write, or null for a record that is not polymorphic
     */
    private ObjectNode record(Class<?> type, JsonNode user, Object defaults, String typeName, ConfigProblems at) {
        RecordComponent[] components = type.getRecordComponents();
        if (user != null) {
            reportUnknownKeys(user, components, typeName != null, at);
        }
        ObjectNode out = mapper.createObjectNode();
        if (typeName != null) {
            out.put(TypeRegistry.TYPE_KEY, typeName);
        }
        for (RecordComponent component : components) {
            String key = component.getName();
            JsonNode given = user == null ? null : user.get(key);
            Object fallback = RecordDefaults.component(component, defaults);
            out.set(key, value(component.getGenericType(), given, fallback, at.at(key)));
        }
        return out;
    }

    private JsonNode value(Type type, JsonNode given, Object fallback, ConfigProblems at) {
        if (given == null) {
            return defaultValue(type, fallback, at);
        }
        if (given.isNull()) {
            return fallback == null ? given : mismatch(type, given, fallback, at);
        }
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            return given.isObject()
                    ? record(raw, given, fallback != null ? fallback : RecordDefaults.of(raw), null, at)
                    : mismatch(type, given, fallback, at);
        }
        if (TypeRegistry.isPolymorphic(raw)) {
            return given.isObject() ? polymorphic(raw, given, fallback, at) : mismatch(type, given, fallback, at);
        }
        if (raw == List.class) {
            return list(type, given, fallback, at);
        }
        return scalarKind(raw).accepts(given) ? given : mismatch(type, given, fallback, at);
    }

    private JsonNode polymorphic(Class<?> polymorphic, JsonNode given, Object fallback, ConfigProblems at) {
        TypeRegistry registry = TypeRegistry.of(polymorphic);
        String known = String.join(", ", registry.names());
        JsonNode typeNode = given.get(TypeRegistry.TYPE_KEY);
        String name;
        if (typeNode == null && fallback != null) {
            name = TypeRegistry.nameOf(fallback);
        } else if (typeNode == null) {
            at.at(TypeRegistry.TYPE_KEY).report("missing; expected one of " + known);
            return NullNode.getInstance();
        } else if (!typeNode.isTextual()) {
            at.at(TypeRegistry.TYPE_KEY).report("expected one of " + known + ", got " + NodeText.describe(typeNode));
            return defaultValue(polymorphic, fallback, at);
        } else {
            name = typeNode.textValue();
        }
        Optional<Class<?>> chosen = registry.classOf(name);
        if (chosen.isEmpty()) {
            at.at(TypeRegistry.TYPE_KEY).report("unknown type \"" + name + "\" (known: " + known + ")"
                    + Suggestions.didYouMean(name, registry.names()));
            return defaultValue(polymorphic, fallback, at);
        }
        // The slot's own default instance is used when it has the chosen type; any other type starts from its DEFAULTS.
        Object defaults = fallback != null && fallback.getClass() == chosen.get()
                ? fallback
                : RecordDefaults.of(chosen.get());
        return record(chosen.get(), given, defaults, name, at);
    }

    private JsonNode list(Type type, JsonNode given, Object fallback, ConfigProblems at) {
        if (!given.isArray()) {
            return mismatch(type, given, fallback, at);
        }
        ScalarKind element = elementKind(type);
        boolean valid = true;
        for (int i = 0; i < given.size(); i++) {
            JsonNode item = given.get(i);
            if (item.isNull() || !element.accepts(item)) {
                at.at(i).report("expected " + element.expected(item) + ", got " + NodeText.describe(item));
                valid = false;
            }
        }
        return valid ? given : defaultValue(type, fallback, at);
    }

    /** The complete tree of a default value; records are walked so polymorphic nodes get their type key. */
    private JsonNode defaultValue(Type type, Object fallback, ConfigProblems at) {
        if (fallback == null) {
            return NullNode.getInstance();
        }
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            return record(raw, null, fallback, null, at);
        }
        if (TypeRegistry.isPolymorphic(raw)) {
            return record(fallback.getClass(), null, fallback, TypeRegistry.nameOf(fallback), at);
        }
        return mapper.valueToTree(fallback);
    }

    private JsonNode mismatch(Type type, JsonNode given, Object fallback, ConfigProblems at) {
        at.report("expected " + expected(type, given) + (fallback == null ? " or null" : "") + ", got "
                + NodeText.describe(given));
        return defaultValue(type, fallback, at);
    }

    private static String expected(Type type, JsonNode given) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord() || TypeRegistry.isPolymorphic(raw)) {
            return "an object";
        }
        if (raw == List.class) {
            return "an array of " + elementKind(type).plural();
        }
        return scalarKind(raw).expected(given);
    }

    private static void reportUnknownKeys(JsonNode user, RecordComponent[] components, boolean typed,
            ConfigProblems at) {
        List<String> known = new ArrayList<>();
        if (typed) {
            known.add(TypeRegistry.TYPE_KEY);
        }
        for (RecordComponent component : components) {
            known.add(component.getName());
        }
        for (Map.Entry<String, JsonNode> entry : user.properties()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                at.at(key).report("unknown key (known: " + String.join(", ", known) + ")"
                        + Suggestions.didYouMean(key, known));
            }
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        throw new IllegalStateException("unsupported config component type " + type);
    }

    private static ScalarKind elementKind(Type listType) {
        if (listType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return scalarKind(element);
        }
        throw new IllegalStateException("config lists need a scalar element type, got " + listType);
    }

    private static ScalarKind scalarKind(Class<?> type) {
        return ScalarKind.of(type)
                .orElseThrow(() -> new IllegalStateException("unsupported config component type " + type));
    }
}
