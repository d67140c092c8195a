package org.plasticity.trainers.config;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Reads defaults from config records. Every config record declares {@code public static final DEFAULTS}, an instance
 * holding its documented defaults.
 */
final class RecordDefaults {

    private static final String FIELD = "DEFAULTS";

    private RecordDefaults() {
    }

    /** Returns the {@code DEFAULTS} instance of a config record class. */
    static Object of(Class<?> recordType) {
        try {
            Field field = recordType.getField(FIELD);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != recordType) {
                throw new IllegalStateException(recordType.getName() + "." + FIELD + " must be a static "
                        + recordType.getSimpleName());
            }
            return field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(recordType.getName() + " must declare public static final " + FIELD, e);
        }
    }

    /** Returns the value of one component of a record instance. */
    static Object component(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }
}
