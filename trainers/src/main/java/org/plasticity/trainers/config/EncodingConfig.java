package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How input pixels are turned into the network's input at each timestep.
 * Chosen by the {@code type} key; each type has its own keys and defaults.
 * {@link JsonSubTypes} below is the registry of type names: a new type is one record plus one line there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DirectEncoding.class, name = "direct"),
        @JsonSubTypes.Type(value = PoissonEncoding.class, name = "poisson"),
        @JsonSubTypes.Type(value = LatencyEncoding.class, name = "latency")
})
public interface EncodingConfig extends ConfigNode {

    /** The registered type name of an encoding ({@code direct}). */
    static String typeName(EncodingConfig encoding) {
        return TypeRegistry.nameOf(encoding);
    }
}
