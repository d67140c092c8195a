package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The surrogate derivative used for the spike function in backpropagation through time.
 * Chosen by the {@code type} key; each type has its own keys and defaults.
 * {@link JsonSubTypes} below is the registry of type names: a new type is one record plus one line there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SigmoidSurrogate.class, name = "sigmoid"),
        @JsonSubTypes.Type(value = AtanSurrogate.class, name = "atan"),
        @JsonSubTypes.Type(value = FastSigmoidSurrogate.class, name = "fast-sigmoid"),
        @JsonSubTypes.Type(value = TriangleSurrogate.class, name = "triangle"),
        @JsonSubTypes.Type(value = PiecewiseQuadraticSurrogate.class, name = "piecewise-quadratic"),
        @JsonSubTypes.Type(value = ErfSurrogate.class, name = "erf")
})
public interface SurrogateConfig extends ConfigNode {
}
