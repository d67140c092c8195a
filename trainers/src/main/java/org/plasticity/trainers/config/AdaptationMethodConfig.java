package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The test-time adaptation method, chosen by the {@code type} key: {@code source}, {@code bn-adapt}, {@code tent} or
 * {@code nhl}. {@link JsonSubTypes} below is the registry of type names: a new method is one record plus one line
 * there plus one entry in the trainers' adaptation-method registry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceAdaptation.class, name = "source"),
        @JsonSubTypes.Type(value = BnAdaptation.class, name = "bn-adapt"),
        @JsonSubTypes.Type(value = TentAdaptation.class, name = "tent"),
        @JsonSubTypes.Type(value = NhlAdaptation.class, name = "nhl")
})
public interface AdaptationMethodConfig extends ConfigNode {
    /** Whether the method needs BatchNorm layers in the network. */
    boolean needsBatchNorm();

    /** The registered type name ({@code tent}). */
    static String typeName(AdaptationMethodConfig method) {
        return TypeRegistry.nameOf(method);
    }
}
