package org.plasticity.trainers.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

/**
 * {@code method.hat}: {@code {}} gives the authors' defaults; each bad value is reported at its path;
 * HAT refuses other method sections, multitask, weight decay, and — with BatchNorm or trainable
 * thresholds — training without {@code freezeAfterFirstTask}.
 */
class HatConfigTest {
    private static final String HAT = "{\"method\": {\"type\": \"finetune\", \"hat\": {}}}";

    private static String hat(String keys) {
        return "{\"method\": {\"hat\": {" + keys + "}}}";
    }

    @Test
    void anEmptySectionHasTheAuthorsDefaults() {
        HatConfig hat = parse(HAT).method().hat();
        assertEquals(new HatConfig(400, 0.75, 50, 6, 10000, "samples", "binary"), hat);
        assertEquals(HatConfig.DEFAULTS, hat);
    }

    @Test
    void badValuesAreReportedAtTheirPaths() {
        assertProblem(fails(hat("\"smax\": 0.5")), "method.hat.smax", "expected a number >= 1");
        assertProblem(fails(hat("\"lambda\": -1")), "method.hat.lambda", "got -1");
        assertProblem(fails(hat("\"thresCosh\": 0")), "method.hat.thresCosh", "got 0");
        assertProblem(fails(hat("\"thresEmb\": -6")), "method.hat.thresEmb", "got -6");
        assertProblem(fails(hat("\"clipgrad\": 0")), "method.hat.clipgrad", "got 0");
        assertProblem(fails(hat("\"anneal\": \"sample\"")), "method.hat.anneal",
                "expected one of samples, batches, got \"sample\"");
        assertProblem(fails(hat("\"testMask\": \"hard\"")), "method.hat.testMask", "expected one of binary, soft");
        assertProblem(fails(HAT, "method.hat.smax=0.5"), "--set method.hat.smax=0.5", "method.hat.smax",
                "expected a number >= 1");
        assertProblem(fails("{\"method\": {\"hat\": {\"slope\": 400}}}"), "method.hat.slope", "");
    }

    @Test
    void hatStandsAlone() {
        assertProblem(fails("{\"method\": {\"hat\": {}, \"ewc\": {}}}"), "method.hat", "does not combine with method.ewc");
        assertProblem(fails("{\"method\": {\"hat\": {}, \"experienceReplay\": {}}}"), "method.hat",
                "does not combine with method.experienceReplay");
        assertProblem(fails("{\"method\": {\"type\": \"multitask\", \"hat\": {}}}"), "method.hat",
                "not supported with method.type=multitask");
    }

    @Test
    void weightDecayIsRefused() {
        String decay = "{\"training\": {\"optimizer\": {\"type\": \"%s\", \"weightDecay\": 0.01}}, "
                + "\"method\": {\"hat\": {}}}";
        assertProblem(fails(decay.formatted("sgd")), "training.optimizer.weightDecay", "method.hat needs 0");
        assertProblem(fails(decay.formatted("adam")), "training.optimizer.weightDecay", "got 0.01");
    }

    @Test
    void sharedParametersMustFreezeAfterTheFirstTask() {
        assertProblem(fails("{\"training\": {\"method\": \"dsr\"}, \"model\": {\"neuron\": {\"type\": \"dsr-lif\"}}, "
                + "\"method\": {\"hat\": {}}}"), "training.freezeAfterFirstTask",
                "method.hat needs true with model.neuron.trainVth=true");
        assertEquals(false, parse(HAT, "training.method=dsr", "model.neuron.type=dsr-lif",
                "model.neuron.trainVth=false").training().freezeAfterFirstTask());
        String cnn = "{\"data\": {\"scenario\": \"split-mnist\", \"tasks\": 5, \"incremental\": \"task\"}, "
                + "\"model\": {\"type\": \"cnn\"}, "
                + "\"method\": {\"hat\": {}}}";
        assertProblem(fails(cnn), "training.freezeAfterFirstTask", "model.type=cnn (BatchNorm)");
        assertEquals(true, parse(cnn, "training.freezeAfterFirstTask=true").training().freezeAfterFirstTask());
    }
}
