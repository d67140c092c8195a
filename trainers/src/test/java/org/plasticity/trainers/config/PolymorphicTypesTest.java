package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolymorphicTypesTest {

    private static final List<Class<?>> POLYMORPHIC = List.of(ModelConfig.class, EncodingConfig.class, NeuronConfig.class,
            SurrogateConfig.class, OptimizerConfig.class, ScheduleConfig.class);

    static Stream<Arguments> everyRegisteredType() {
        return Stream.of(
                type("model", "mlp", MlpModel.class, c -> c.model()),
                type("model", "cnn", CnnModel.class, c -> c.model(), "data.scenario=split-mnist", "data.tasks=5"),
                type("model", "resnet18", ResNetModel.class, c -> c.model(), "data.scenario=split-mnist", "data.tasks=5"),
                type("model.encoding", "direct", DirectEncoding.class, c -> c.model().encoding()),
                type("model.encoding", "poisson", PoissonEncoding.class, c -> c.model().encoding(),
                        "data.normalize=false"),
                type("model.encoding", "latency", LatencyEncoding.class, c -> c.model().encoding(),
                        "data.normalize=false", "model.neuron.vth=0.1"),
                type("model.neuron", "lif", LifNeuron.class, c -> c.model().neuron()),
                type("model.neuron", "if", IfNeuron.class, c -> c.model().neuron()),
                type("model.neuron", "dsr-lif", DsrLifNeuron.class, c -> c.model().neuron(), "training.method=dsr"),
                type("model.neuron", "relu", ReluActivation.class, c -> c.model().neuron()),
                type("model.neuron.surrogate", "sigmoid", SigmoidSurrogate.class, PolymorphicTypesTest::surrogate),
                type("model.neuron.surrogate", "atan", AtanSurrogate.class, PolymorphicTypesTest::surrogate),
                type("model.neuron.surrogate", "fast-sigmoid", FastSigmoidSurrogate.class,
                        PolymorphicTypesTest::surrogate),
                type("model.neuron.surrogate", "triangle", TriangleSurrogate.class, PolymorphicTypesTest::surrogate),
                type("model.neuron.surrogate", "piecewise-quadratic", PiecewiseQuadraticSurrogate.class,
                        PolymorphicTypesTest::surrogate),
                type("model.neuron.surrogate", "erf", ErfSurrogate.class, PolymorphicTypesTest::surrogate),
                type("training.optimizer", "sgd", SgdOptimizer.class, c -> c.training().optimizer()),
                type("training.optimizer", "adam", AdamOptimizer.class, c -> c.training().optimizer()),
                type("training.schedule", "constant", ConstantSchedule.class, c -> c.training().schedule()),
                type("training.schedule", "step", StepSchedule.class, c -> c.training().schedule()),
                type("training.schedule", "cosine", CosineSchedule.class, c -> c.training().schedule()));
    }

    private static Arguments type(String slot, String name, Class<?> type, Function<ExperimentConfig, Object> get,
            String... extra) {
        return Arguments.of(slot, name, type, get, List.of(extra));
    }

    private static Object surrogate(ExperimentConfig config) {
        return ((LifNeuron) config.model().neuron()).surrogate();
    }

    @ParameterizedTest(name = "{0}.type={1}")
    @MethodSource("everyRegisteredType")
    void settingTypeGivesThatTypesDefaults(String slot, String name, Class<?> type,
            Function<ExperimentConfig, Object> get, List<String> extra) throws ReflectiveOperationException {
        List<String> overrides = new ArrayList<>(extra);
        overrides.add(slot + ".type=" + name);
        Object value = get.apply(ExperimentConfigs.parse("{}", "t.json", overrides));
        assertSame(type, value.getClass());
        assertEquals(type.getField("DEFAULTS").get(null), value);
        assertEquals(name, TypeRegistry.nameOf(value));
    }

    @Test
    void testCoversEveryRegisteredName() {
        long tested = everyRegisteredType().count();
        long registered = POLYMORPHIC.stream().mapToLong(p -> TypeRegistry.of(p).names().size()).sum();
        assertEquals(registered, tested);
    }

    @Test
    void everyRegisteredTypeIsARecordOfItsInterface() {
        for (Class<?> polymorphic : POLYMORPHIC) {
            TypeRegistry registry = TypeRegistry.of(polymorphic);
            for (String name : registry.names()) {
                Class<?> type = registry.classOf(name).orElseThrow();
                assertTrue(type.isRecord() && polymorphic.isAssignableFrom(type), name);
            }
        }
    }

    @Test
    void unknownTypeListsKnownNamesAndSuggests() {
        ConfigException e = fails("{\"model\": {\"neuron\": {\"type\": \"lfi\"}}}");
        assertProblem(e, "model.neuron.type", "unknown type \"lfi\" (known: lif, if, dsr-lif, relu); did you mean lif?");
    }

    @Test
    void keyOfAnotherTypeIsUnknownForTheChosenType() {
        ConfigException e = fails("{\"model\": {\"neuron\": {\"type\": \"if\", \"tau\": 2.0}}}");
        assertProblem(e, "model.neuron.tau", "unknown key (known: type, vth, detachReset, surrogate)");
    }

    @Test
    void writtenTypeSerializesUnderItsRegisteredName() {
        ExperimentConfig config = parse("{\"training\": {\"schedule\": {\"type\": \"cosine\", \"tMax\": 50}}}");
        assertEquals(new CosineSchedule(0, 50), config.training().schedule());
        assertTrue(ExperimentConfigs.toJson(config).contains("\"type\": \"cosine\""));
    }
}
