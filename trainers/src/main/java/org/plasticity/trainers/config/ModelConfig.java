package org.plasticity.trainers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * The network, chosen by the {@code type} key: {@code mlp}, {@code cnn} or {@code resnet18}. Each type
 * has its own keys and defaults; every type has the keys below. {@link JsonSubTypes} below is the
 * registry of architectures: a new one is one record plus one line there plus one entry in the
 * trainers' network registry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MlpModel.class, name = "mlp"),
        @JsonSubTypes.Type(value = CnnModel.class, name = "cnn"),
        @JsonSubTypes.Type(value = ResNetModel.class, name = "resnet18")
})
public interface ModelConfig extends ConfigNode {
    /** Known heads. */
    List<String> HEADS = List.of("shared", "per-task");

    /** Known readouts. */
    List<String> READOUTS = List.of("mean", "sum", "weighted-rate");

    /** The documented default model, {@link MlpModel#DEFAULTS}. */
    ModelConfig DEFAULTS = MlpModel.DEFAULTS;

    /** {@code shared} output layer or one {@code per-task}. */
    String head();

    /** Simulation steps per example, &gt;= 1. */
    int timesteps();

    /** How pixels become input currents or spikes. */
    EncodingConfig encoding();

    /** How output spikes become logits, one of {@link #READOUTS}. */
    String readout();

    /** The neuron model. */
    NeuronConfig neuron();

    /** Number of weight layers before the heads, which per-layer method lists count. */
    int bodyWeightLayers();

    /** How the body's weight layers are counted, for messages ("2 in model.hidden"). */
    String describeBodyWeightLayers();

    /** One line naming the architecture and its sizes, for logs ({@code cnn channels [64, 128, 256]}). */
    String describe();

    /** The registered type name of a model ({@code cnn}). */
    static String typeName(ModelConfig model) {
        return TypeRegistry.nameOf(model);
    }

    /** Checks the keys every type has. */
    static void validateCommon(ModelConfig model, ConfigProblems problems) {
        problems.at("head").oneOf(model.head(), HEADS);
        problems.at("timesteps").atLeast(model.timesteps(), 1);
        model.encoding().validate(problems.at("encoding"));
        problems.at("readout").oneOf(model.readout(), READOUTS);
        model.neuron().validate(problems.at("neuron"));
    }
}
