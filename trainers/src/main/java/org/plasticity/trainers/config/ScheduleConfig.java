package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The learning-rate schedule, stepped once per epoch.
 * Chosen by the {@code type} key; each type has its own keys and defaults.
 * {@link JsonSubTypes} below is the registry of type names: a new type is one record plus one line there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConstantSchedule.class, name = "constant"),
        @JsonSubTypes.Type(value = StepSchedule.class, name = "step"),
        @JsonSubTypes.Type(value = CosineSchedule.class, name = "cosine")
})
public interface ScheduleConfig extends ConfigNode {
}
