package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;
import static org.plasticity.trainers.config.ConfigAssertions.parse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OverridesTest {

    @Test
    void setsNestedScalars() {
        ExperimentConfig config = parse("{}", "training.optimizer.lr=0.01", "data.normalize=false", "seed=7",
                "training.batchSize=128");
        assertEquals(0.01, ((SgdOptimizer) config.training().optimizer()).lr());
        assertEquals(false, config.data().normalize());
        assertEquals(7L, config.seed());
        assertEquals(128, config.training().batchSize());
    }

    @Test
    void overridesWinOverTheFile() {
        ExperimentConfig config = parse("{\"training\": {\"epochs\": 3, \"batchSize\": 8}}", "training.epochs=5");
        assertEquals(5, config.training().epochs());
        assertEquals(8, config.training().batchSize());
    }

    @Test
    void laterOverridesWin() {
        assertEquals(9, parse("{}", "training.epochs=5", "training.epochs=9").training().epochs());
    }

    @Test
    void valueThatIsNotJsonIsAString() {
        assertEquals("my-run.2", parse("{}", "name=my-run.2").name());
        assertEquals("gpu:1", parse("{}", "device=gpu:1").device());
    }

    @Test
    void quotedValueIsAJsonString() {
        assertEquals("42", parse("{}", "name=\"42\"").name());
    }

    @Test
    void setsElementOfADefaultArray() {
        assertEquals(List.of(400, 800), ((MlpModel) parse("{}", "model.hidden[0]=400").model()).hidden());
    }

    @Test
    void setsElementOfAWrittenArray() {
        assertEquals(List.of(10, 20, 99), ((MlpModel) parse("{\"model\": {\"hidden\": [10, 20, 30]}}", "model.hidden[2]=99").model()).hidden());
    }

    @Test
    void replacesWholeArrays() {
        ExperimentConfig config = parse("{}", "model.hidden=[100,200,300]",
                "method.hlop={\"lr\": [0.001,0.01,0.01,0.1], \"initial\": [1,2,3,4], \"increment\": [0,0,0,0]}");
        assertEquals(List.of(100, 200, 300), ((MlpModel) config.model()).hidden());
        assertEquals(List.of(0.001, 0.01, 0.01, 0.1), config.method().hlop().lr());
        assertEquals(5, config.method().hlop().iterations());
    }

    @Test
    void setsAnEmptyArray() {
        ExperimentConfig config = parse("{}", "model.hidden=[]", "method.hlop.lr=[0.5]",
                "method.hlop.initial=[1]", "method.hlop.increment=[1]");
        assertEquals(List.of(), ((MlpModel) config.model()).hidden());
        assertEquals(List.of(0.5), config.method().hlop().lr());
    }

    @Test
    void setsElementOfADefaultArrayInANodeCreatedByAnOverride() {
        assertEquals(List.of(0.001, 0.5, 0.01), parse("{}", "method.hlop={}", "method.hlop.lr[1]=0.5")
                .method().hlop().lr());
    }

    @Test
    void keyBelowAMissingNodeCreatesItWithDefaults() {
        HlopConfig hlop = parse("{}", "method.hlop.iterations=7").method().hlop();
        assertEquals(7, hlop.iterations());
        assertEquals(HlopConfig.DEFAULTS.initial(), hlop.initial());
    }

    @Test
    void keyBelowAnExplicitNullCreatesTheNode() {
        assertEquals(7, parse("{\"method\": {\"hlop\": null}}", "method.hlop.iterations=7").method().hlop()
                .iterations());
    }

    @Test
    void setsNull() {
        assertNull(parse("{\"data\": {\"trainLimit\": 100}}", "data.trainLimit=null").data().trainLimit());
    }

    @Test
    void setsAWholeObject() {
        assertEquals(new AdamOptimizer(0.01, 0.9, 0.999, 1e-8, 0.0),
                parse("{}", "training.optimizer={\"type\": \"adam\", \"lr\": 0.01}").training().optimizer());
    }

    @Test
    void switchingSurrogateTypeTakesTheNewTypesDefaults() {
        LifNeuron neuron = (LifNeuron) parse("{}", "model.neuron.surrogate.type=atan").model().neuron();
        assertEquals(new AtanSurrogate(2.0), neuron.surrogate());
    }

    @Test
    void switchingTypeWrittenInTheFileTakesTheNewTypesDefaults() {
        String json = "{\"model\": {\"neuron\": {\"surrogate\": {\"type\": \"sigmoid\"}}}}";
        LifNeuron neuron = (LifNeuron) parse(json, "model.neuron.surrogate.type=atan").model().neuron();
        assertEquals(new AtanSurrogate(2.0), neuron.surrogate());
    }

    @Test
    void switchingTypeDropsTheOldTypesKeysAndAppliesLaterOverrides() {
        String json = "{\"model\": {\"neuron\": {\"surrogate\": {\"type\": \"sigmoid\", \"alpha\": 5}}}}";
        LifNeuron neuron = (LifNeuron) parse(json, "model.neuron.surrogate.type=erf").model().neuron();
        assertEquals(ErfSurrogate.DEFAULTS, neuron.surrogate());
        neuron = (LifNeuron) parse(json, "model.neuron.surrogate.type=erf", "model.neuron.surrogate.alpha=3")
                .model().neuron();
        assertEquals(new ErfSurrogate(3.0), neuron.surrogate());
    }

    @Test
    void switchingOptimizerTypeTakesTheNewTypesDefaults() {
        assertEquals(AdamOptimizer.DEFAULTS, parse("{}", "training.optimizer.type=adam").training().optimizer());
    }

    @Test
    void switchingNeuronTypeTakesTheNewTypesDefaults() {
        ExperimentConfig config = parse("{}", "model.neuron.type=dsr-lif", "training.method=dsr");
        assertEquals(1.0, ((DsrLifNeuron) config.model().neuron()).tau());
    }

    @Test
    void wrongTypeFromAnOverrideNamesTheOverride() {
        ConfigException e = fails("{}", "training.batchSize=abc");
        assertEquals("--set training.batchSize=abc: training.batchSize: expected an integer, got \"abc\"",
                e.getMessage());
    }

    @Test
    void unknownKeyFromAnOverrideNamesTheOverride() {
        assertProblem(fails("{}", "model.neuron.tauu=3"), "--set model.neuron.tauu=3", "model.neuron.tauu",
                "did you mean tau?");
    }

    @Test
    void problemBelowAnOverriddenObjectNamesTheOverride() {
        assertProblem(fails("{}", "training.optimizer={\"type\": \"adam\", \"lr\": -1}"),
                "--set training.optimizer={\"type\": \"adam\", \"lr\": -1}", "training.optimizer.lr",
                "expected a number > 0, got -1");
    }

    @Test
    void problemElsewhereStillNamesTheFile() {
        ConfigException e = fails("{\"training\": {\"epochs\": 0}}", "training.batchSize=8");
        assertEquals("quick.json: training.epochs: expected an integer >= 1, got 0", e.getMessage());
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "model.hidden                | expected path=value",
        "=3                          | empty path",
        "` =3`                       | empty path",
        "model..hidden=3             | empty key",
        "model.=3                    | empty key",
        "[0]=3                       | empty key",
        "model.hidden[x]=3           | expected [index]",
        "model.hidden[-1]=3          | expected [index]",
        "model.hidden[0=3            | expected [index]",
        "model.hidden[]=3            | expected [index]",
        "model.hidden[0]x=3          | unexpected 'x'",
        "model.timesteps[0]=3        | cannot index model.timesteps: not an array, it is 6",
        "name[0]=3                   | cannot index name: not an array",
        "model.hidden[2]=3           | index 2 out of range: model.hidden has 2 elements",
        "model.hidden[0].x=3         | model.hidden[0] is not an object, it is 800",
        "model.timesteps.x=3         | model.timesteps is not an object",
    })
    void badOverrideNamesItself(String text, String reason) {
        ConfigException e = fails("{\"model\": {\"timesteps\": 6}}", text);
        assertEquals(1, e.problems().size());
        String message = e.getMessage();
        assertEquals(true, message.startsWith("--set " + text + ": ") && message.contains(reason), message);
    }
}
