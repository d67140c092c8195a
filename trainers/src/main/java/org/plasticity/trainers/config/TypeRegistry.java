package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type names of one polymorphic config interface, read from its {@link JsonSubTypes} annotation, the single
 * registry Jackson also uses.
 */
final class TypeRegistry {

    /** The JSON key that names the type of a polymorphic node. */
    static final String TYPE_KEY = "type";

    private final Map<String, Class<?>> byName;

    private TypeRegistry(Map<String, Class<?>> byName) {
        this.byName = byName;
    }

    /** Tells whether {@code type} is a polymorphic config interface. */
    static boolean isPolymorphic(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(JsonSubTypes.class);
    }

    /** Reads the registry of a polymorphic config interface. */
    static TypeRegistry of(Class<?> polymorphic) {
        JsonSubTypes subTypes = polymorphic.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            throw new IllegalArgumentException(polymorphic.getName() + " has no @JsonSubTypes registry");
        }
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (JsonSubTypes.Type type : subTypes.value()) {
            byName.put(type.name(), type.value());
        }
        return new TypeRegistry(byName);
    }

    /** Returns the registered name of a config value, such as {@code dsr-lif} for a {@link DsrLifNeuron}. */
    static String nameOf(Object value) {
        for (Class<?> candidate : value.getClass().getInterfaces()) {
            if (isPolymorphic(candidate)) {
                String name = of(candidate).nameOf(value.getClass());
                if (name != null) {
                    return name;
                }
            }
        }
        throw new IllegalArgumentException(value.getClass().getName() + " is not a registered config type");
    }

    /** The class registered under {@code name}, if any. */
    Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names in registration order. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    private String nameOf(Class<?> type) {
        for (Map.Entry<String, Class<?>> entry : byName.entrySet()) {
            if (entry.getValue() == type) {
                return entry.getKey();
            }
        }
        return null;
    }
}
