package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The optimizer of the network weights.
 * Chosen by the {@code type} key; each type has its own keys and defaults.
 * {@link JsonSubTypes} below is the registry of type names: a new type is one record plus one line there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SgdOptimizer.class, name = "sgd"),
        @JsonSubTypes.Type(value = AdamOptimizer.class, name = "adam")
})
public interface OptimizerConfig extends ConfigNode {
    /** Tensors of state the optimizer keeps per parameter tensor (SGD's momentum buffer, Adam's two moments). */
    int stateSlots();
}
