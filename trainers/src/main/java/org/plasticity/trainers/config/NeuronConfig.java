package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The spiking neuron model of the hidden layers.
 * Chosen by the {@code type} key; each type has its own keys and defaults.
 * {@link JsonSubTypes} below is the registry of type names: a new type is one record plus one line there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LifNeuron.class, name = "lif"),
        @JsonSubTypes.Type(value = IfNeuron.class, name = "if"),
        @JsonSubTypes.Type(value = DsrLifNeuron.class, name = "dsr-lif"),
        @JsonSubTypes.Type(value = ReluActivation.class, name = "relu")
})
public interface NeuronConfig extends ConfigNode {
}
