package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossFieldRulesTest {

    @Test
    void dsrMethodRequiresDsrLif() {
        assertProblem(fails("{}", "training.method=dsr"), "--set training.method=dsr", "training.method",
                "dsr requires model.neuron.type=dsr-lif, got model.neuron.type=lif");
        assertProblem(fails("{}", "training.method=dsr", "model.neuron.type=if"), "--set training.method=dsr",
                "training.method", "got model.neuron.type=if");
    }

    @Test
    void dsrLifRequiresDsrMethod() {
        assertProblem(fails("{\"model\": {\"neuron\": {\"type\": \"dsr-lif\"}}}"), "training.method",
                "bptt requires model.neuron.type lif or if, got model.neuron.type=dsr-lif");
    }

    @Test
    void dsrWithDsrLifIsValid() {
        ExperimentConfig config = parse("{}", "training.method=dsr", "model.neuron.type=dsr-lif");
        assertEquals("dsr", config.training().method());
    }

    @Test
    void weightedRateReadoutRequiresDsrLif() {
        assertProblem(fails("{\"model\": {\"readout\": \"weighted-rate\"}}"), "model.readout",
                "weighted-rate requires model.neuron.type=dsr-lif, got model.neuron.type=lif");
        assertEquals("weighted-rate", parse("{}", "model.readout=weighted-rate", "model.neuron.type=dsr-lif",
                "training.method=dsr").model().readout());
    }

    @Test
    void spikeEncodingsRequireUnnormalizedData() {
        assertProblem(fails("{\"model\": {\"encoding\": {\"type\": \"poisson\"}}}"), "model.encoding.type",
                "poisson encoding reads intensities in [0, 1] and requires data.normalize=false");
        assertProblem(fails("{\"model\": {\"encoding\": {\"type\": \"latency\"}}}"), "model.encoding.type",
                "latency encoding");
        assertEquals(new PoissonEncoding(2.0), parse("{\"model\": {\"encoding\": {\"type\": \"poisson\", "
                + "\"gain\": 2}}, \"data\": {\"normalize\": false}}").model().encoding());
    }

    @Test
    void perTaskHeadRequiresSplitScenario() {
        assertProblem(fails("{\"model\": {\"head\": \"per-task\"}}"), "model.head",
                "per-task requires a split scenario with data.incremental=task, got data.scenario=permuted-mnist");
    }

    @Test
    void perTaskHeadRequiresTaskIncremental() {
        assertProblem(fails("{\"model\": {\"head\": \"per-task\"}, \"data\": {\"scenario\": \"split-mnist\", "
                + "\"tasks\": 5, \"incremental\": \"class\"}}"), "model.head", "data.incremental=class");
    }

    @Test
    void taskIncrementalSplitRequiresPerTaskHead() {
        assertProblem(fails("{\"data\": {\"scenario\": \"split-fashion-mnist\", \"tasks\": 5}}"), "model.head",
                "data.scenario=split-fashion-mnist with data.incremental=task requires per-task, got shared");
    }

    @Test
    void splitScenariosWithMatchingHeadsAreValid() {
        assertEquals("per-task", parse("{\"data\": {\"scenario\": \"split-mnist\", \"tasks\": 5}, "
                + "\"model\": {\"head\": \"per-task\"}}").model().head());
        assertEquals("shared", parse("{\"data\": {\"scenario\": \"split-mnist\", \"tasks\": 5, "
                + "\"incremental\": \"class\"}}").model().head());
    }

    @Test
    void convListsCountTheConvLayersAndNoPerTaskHead() {
        ConfigException e = fails("{\"data\": {\"scenario\": \"split-mnist\"}, \"model\": {\"type\": \"cnn\", "
                + "\"channels\": [8, 16]}, \"method\": {\"hlop\": {}, \"gpm\": {\"threshold\": [0.9, 0.9, 0.9]}}}");
        assertProblem(e, "method.hlop.lr", "expected 2 entries, one per protected weight layer (2 conv layers in "
                + "model.channels; per-task heads are not protected), got 3");
        assertProblem(e, "method.gpm.threshold", "expected 2 entries");
        ConfigException r = fails("{\"data\": {\"scenario\": \"split-mnist\"}, \"model\": {\"type\": \"resnet18\"}, "
                + "\"method\": {\"hlop\": {}}}");
        assertProblem(r, "method.hlop.initial", "expected 20 entries");
    }

    @Test
    void onlineTrainingOfConvNetsNeedsAveragePooling() {
        ConfigException e = fails("{\"data\": {\"scenario\": \"split-mnist\"}, \"model\": {\"type\": \"cnn\", "
                + "\"pooling\": \"max\"}, \"training\": {\"method\": \"ottt\"}}");
        assertProblem(e, "model.pooling", "ottt needs avg pooling (max pooling has no trace rule), got max");
    }

    @Test
    void hlopListsNeedOneEntryPerWeightLayer() {
        ConfigException e = fails("{\"model\": {\"hidden\": [400]}, \"method\": {\"hlop\": {}}}");
        assertEquals(3, e.problems().size(), e.getMessage());
        assertProblem(e, "method.hlop.lr", "expected 2 entries, one per protected weight layer (1 in model.hidden + 1 output), "
                + "got 3");
        assertProblem(e, "method.hlop.initial", "expected 2 entries");
        assertProblem(e, "method.hlop.increment", "expected 2 entries");
    }

    @Test
    void hlopListOfTheRightLengthIsValid() {
        HlopConfig hlop = parse("{\"model\": {\"hidden\": [400]}, \"method\": {\"hlop\": {\"lr\": [0.1, 0.2], "
                + "\"initial\": [10, 20], \"increment\": [1, 2]}}}").method().hlop();
        assertEquals(List.of(10, 20), hlop.initial());
    }

    @Test
    void hlopRejectedWithMultitask() {
        assertProblem(fails("{\"method\": {\"type\": \"multitask\", \"hlop\": {}}}"), "method.hlop",
                "not supported with method.type=multitask");
        assertEquals("multitask", parse("{\"method\": {\"type\": \"multitask\"}}").method().type());
    }

    @Test
    void configBuiltInCodeIsValidatedToo() {
        ExperimentConfig bad = new ExperimentConfig("x", 1, "auto", 0, DataConfig.DEFAULTS, ModelConfig.DEFAULTS,
                new TrainingConfig("dsr", 1, 64, 1000, true, false, SgdOptimizer.DEFAULTS, StepSchedule.DEFAULTS, "stop", "backprop", false, 50, 1024, null, true),
                MethodConfig.DEFAULTS, OutputConfig.DEFAULTS, null);
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfigs.validate(bad, "code"));
        assertProblem(e, "code", "training.method", "requires model.neuron.type=dsr-lif");
    }
}
