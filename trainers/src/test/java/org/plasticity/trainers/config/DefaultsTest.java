package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void emptyObjectEqualsDocumentedDefaults() {
        assertEquals(ExperimentConfig.DEFAULTS, parse("{}"));
    }

    @Test
    void topLevelAndDataDefaults() {
        ExperimentConfig config = parse("{}");
        assertEquals("experiment", config.name());
        assertEquals(2022L, config.seed());
        assertEquals("auto", config.device());
        assertEquals(0, config.threads());
        DataConfig data = config.data();
        assertEquals("permuted-mnist", data.scenario());
        assertNull(data.root());
        assertEquals(10, data.tasks());
        assertNull(data.trainLimit());
        assertNull(data.testLimit());
        assertEquals(2, data.classesPerTask());
        assertEquals("task", data.incremental());
        assertTrue(data.normalize());
    }

    @Test
    void modelDefaults() {
        MlpModel model = (MlpModel) parse("{}").model();
        assertEquals("mlp", ModelConfig.typeName(model));
        assertEquals(List.of(800, 800), model.hidden());
        assertFalse(model.bias());
        assertEquals("shared", model.head());
        assertEquals(6, model.timesteps());
        assertInstanceOf(DirectEncoding.class, model.encoding());
        assertEquals("mean", model.readout());
        LifNeuron neuron = assertInstanceOf(LifNeuron.class, model.neuron());
        assertEquals(2.0, neuron.tau());
        assertEquals(1.0, neuron.vth());
        assertFalse(neuron.decayInput());
        assertTrue(neuron.detachReset());
        assertEquals(4.0, assertInstanceOf(SigmoidSurrogate.class, neuron.surrogate()).alpha());
    }

    @Test
    void trainingMethodAndOutputDefaults() {
        ExperimentConfig config = parse("{}");
        TrainingConfig training = config.training();
        assertEquals("bptt", training.method());
        assertEquals(1, training.epochs());
        assertEquals(64, training.batchSize());
        assertEquals(256, training.evalBatchSize());
        assertEquals(50, training.syncEvery());
        assertEquals(1024, training.deviceDataMiB());
        assertTrue(training.shuffle());
        assertFalse(training.freezeAfterFirstTask());
        assertEquals(new SgdOptimizer(0.1, 0.0, 0.0, 0.0, false), training.optimizer());
        assertEquals(new StepSchedule(100, 0.1), training.schedule());
        assertEquals("finetune", config.method().type());
        assertNull(config.method().hlop());
        assertEquals(new OutputConfig("runs", true, true, 500), config.output());
    }

    @Test
    void dsrLifHasItsOwnDefaults() {
        ExperimentConfig config = parse("""
                {"model": {"neuron": {"type": "dsr-lif"}}, "training": {"method": "dsr"}}""");
        assertEquals(new DsrLifNeuron(0.3, 1.0, 0.05, 0.3, true, 0.0005), config.model().neuron());
    }

    @Test
    void ifNeuronHasItsOwnDefaults() {
        assertEquals(new IfNeuron(1.0, true, new SigmoidSurrogate(4.0)),
                parse("{\"model\": {\"neuron\": {\"type\": \"if\"}}}").model().neuron());
    }

    @Test
    void partialPolymorphicNodeKeepsDefaultTypeAndOtherDefaults() {
        LifNeuron neuron = (LifNeuron) parse("{\"model\": {\"neuron\": {\"vth\": 0.5}}}").model().neuron();
        assertEquals(2.0, neuron.tau());
        assertEquals(0.5, neuron.vth());
    }

    @Test
    void adamHasItsOwnDefaults() {
        assertEquals(new AdamOptimizer(0.001, 0.9, 0.999, 1e-8, 0.0),
                parse("{\"training\": {\"optimizer\": {\"type\": \"adam\"}}}").training().optimizer());
    }

    @Test
    void emptyHlopObjectTakesAllHlopDefaults() {
        HlopConfig hlop = parse("{\"method\": {\"hlop\": {}}}").method().hlop();
        assertEquals(List.of(0.001, 0.01, 0.01), hlop.lr());
        assertEquals(List.of(80, 200, 100), hlop.initial());
        assertEquals(List.of(70, 70, 70), hlop.increment());
        assertEquals(3, hlop.decrementEvery());
        assertEquals(20, hlop.decrement());
        assertEquals(5, hlop.iterations());
        assertEquals(0.9, hlop.momentum());
        assertEquals(10.0, hlop.clamp());
        assertEquals(0, hlop.startEpoch());
        assertFalse(hlop.spiking());
        assertEquals(20.0, hlop.spikingScale());
        assertEquals(1000, hlop.spikingTimesteps());
        assertTrue(hlop.withWfr());
        assertEquals("auto", hlop.projectOn());
        assertTrue(ExperimentConfig.DEFAULTS.training().forwardTransfer());
    }

    @Test
    void explicitNullTurnsHlopOff() {
        assertNull(parse("{\"method\": {\"hlop\": null}}").method().hlop());
    }

    @Test
    void listsAreImmutable() {
        ExperimentConfig config = parse("{\"model\": {\"hidden\": [10, 20]}, \"method\": {\"hlop\": {}}}");
        assertThrows(UnsupportedOperationException.class, () -> ((MlpModel) config.model()).hidden().add(1));
        assertThrows(UnsupportedOperationException.class, () -> config.method().hlop().lr().add(1.0));
    }

    @Test
    void defaultsJsonReadsBackAsDefaults() {
        String json = ExperimentConfigs.defaultsJson();
        assertTrue(json.contains("\"hlop\": null"), json);
        assertTrue(json.contains("\"type\": \"lif\""), json);
        assertEquals(ExperimentConfig.DEFAULTS, parse(json));
    }
}
