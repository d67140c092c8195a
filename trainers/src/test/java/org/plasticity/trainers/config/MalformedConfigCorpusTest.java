package org.plasticity.trainers.config;

import static org.plasticity.trainers.config.ConfigAssertions.SOURCE;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid configs, each of which must fail with a problem at exactly the given path. */
class MalformedConfigCorpusTest {

    record Case(String json, List<String> overrides, String source, String path, String fragment) {

        @Override
        public String toString() {
            return path + " <- " + json + (overrides.isEmpty() ? "" : " " + overrides);
        }
    }

    private static Case file(String json, String path, String fragment) {
        return new Case(json, List.of(), SOURCE, path, fragment);
    }

    private static Case set(String override, String path, String fragment) {
        return new Case("{}", List.of(override), "--set " + override, path, fragment);
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // unknown keys and types
                file("{\"model\": {\"neuron\": {\"tauu\": 3}}}", "model.neuron.tauu", "did you mean tau?"),
                file("{\"trainning\": {}}", "trainning", "did you mean training?"),
                file("{\"training\": {\"batchsize\": 3}}", "training.batchsize", "did you mean batchSize?"),
                file("{\"model\": {\"neuron\": {\"type\": \"lfi\"}}}", "model.neuron.type",
                        "known: lif, if, dsr-lif, relu"),
                file("{\"model\": {\"neuron\": {\"type\": 3}}}", "model.neuron.type",
                        "expected one of lif, if, dsr-lif, relu, got 3"),
                file("{\"training\": {\"optimizer\": {\"type\": \"rmsprop\"}}}", "training.optimizer.type",
                        "known: sgd, adam"),
                file("{\"model\": {\"neuron\": {\"surrogate\": {\"type\": \"atan\", \"slope\": 3}}}}",
                        "model.neuron.surrogate.slope", "unknown key (known: type, alpha)"),
                file("{\"model\": {\"encoding\": {\"type\": \"direct\", \"gain\": 2}}}", "model.encoding.gain",
                        "unknown key (known: type)"),
                // wrong JSON types
                file("{\"training\": {\"batchSize\": \"64\"}}", "training.batchSize", "expected an integer"),
                file("{\"training\": {\"epochs\": 1.5}}", "training.epochs", "expected an integer, got 1.5"),
                file("{\"training\": {\"evalBatchSize\": 1e3}}", "training.evalBatchSize", "expected an integer"),
                file("{\"model\": {\"timesteps\": 3000000000}}", "model.timesteps", "expected an integer between"),
                file("{\"training\": {\"shuffle\": \"true\"}}", "training.shuffle", "expected a boolean"),
                file("{\"training\": {\"shuffle\": 1}}", "training.shuffle", "expected a boolean, got 1"),
                file("{\"name\": 5}", "name", "expected a string, got 5"),
                file("{\"seed\": null}", "seed", "expected an integer, got null"),
                file("{\"output\": {\"saveWeights\": null}}", "output.saveWeights", "expected a boolean, got null"),
                file("{\"data\": {\"trainLimit\": \"all\"}}", "data.trainLimit", "expected an integer or null"),
                file("{\"model\": {\"hidden\": 800}}", "model.hidden", "expected an array of integers, got 800"),
                file("{\"model\": {\"hidden\": [800, \"x\"]}}", "model.hidden[1]", "expected an integer, got \"x\""),
                file("{\"model\": {\"hidden\": [800, null]}}", "model.hidden[1]", "expected an integer, got null"),
                file("{\"method\": {\"hlop\": {\"lr\": [0.1, true, 0.1]}}}", "method.hlop.lr[1]",
                        "expected a number, got true"),
                file("{\"model\": {\"neuron\": null}}", "model.neuron", "expected an object, got null"),
                file("{\"model\": []}", "model", "expected an object, got an array"),
                file("{\"method\": {\"hlop\": 1}}", "method.hlop", "expected an object or null, got 1"),
                // ranges
                file("{\"training\": {\"batchSize\": 0}}", "training.batchSize", "expected an integer >= 1, got 0"),
                file("{\"training\": {\"syncEvery\": 0}}", "training.syncEvery", "expected an integer >= 1, got 0"),
                file("{\"training\": {\"deviceDataMiB\": -1}}", "training.deviceDataMiB", "expected an integer >= 0, got -1"),
                file("{\"training\": {\"optimizer\": {\"lr\": -0.1}}}", "training.optimizer.lr",
                        "expected a number > 0, got -0.1"),
                file("{\"training\": {\"optimizer\": {\"momentum\": 1}}}", "training.optimizer.momentum",
                        "expected a number in [0, 1), got 1"),
                file("{\"training\": {\"optimizer\": {\"nesterov\": true, \"momentum\": 0.9, \"dampening\": 0.1}}}",
                        "training.optimizer.nesterov", "requires momentum > 0 and dampening = 0"),
                file("{\"training\": {\"optimizer\": {\"type\": \"adam\", \"beta2\": 1.0}}}",
                        "training.optimizer.beta2", "[0, 1)"),
                file("{\"training\": {\"schedule\": {\"type\": \"cosine\", \"warmup\": 10, \"tMax\": 10}}}",
                        "training.schedule.tMax", "expected an integer > warmup (10), got 10"),
                file("{\"training\": {\"schedule\": {\"stepSize\": 0}}}", "training.schedule.stepSize", ">= 1"),
                file("{\"data\": {\"scenario\": \"split-mnst\"}}", "data.scenario", "did you mean split-mnist?"),
                file("{\"data\": {\"tasks\": 11}}", "data.tasks", "expected at most 10 for permuted-mnist, got 11"),
                file("{\"data\": {\"tasks\": 0}}", "data.tasks", "expected an integer >= 1, got 0"),
                file("{\"data\": {\"scenario\": \"split-mnist\", \"tasks\": 4, \"classesPerTask\": 3}, "
                        + "\"model\": {\"head\": \"per-task\"}}", "data.tasks", "expected at most 3"),
                file("{\"data\": {\"trainLimit\": 0}}", "data.trainLimit", "expected an integer >= 1, got 0"),
                file("{\"data\": {\"incremental\": \"domain\"}}", "data.incremental", "expected one of task, class"),
                file("{\"device\": \"cuda\"}", "device", "expected auto, cpu, gpu or gpu:N"),
                file("{\"device\": \"gpu:-1\"}", "device", "got \"gpu:-1\""),
                file("{\"threads\": -1}", "threads", "expected an integer >= 0, got -1"),
                file("{\"model\": {\"hidden\": [800, 0]}}", "model.hidden[1]", "expected an integer >= 1, got 0"),
                file("{\"model\": {\"readout\": \"max\"}}", "model.readout", "expected one of mean, sum"),
                file("{\"model\": {\"neuron\": {\"type\": \"dsr-lif\", \"alpha\": 1.5}}, "
                        + "\"training\": {\"method\": \"dsr\"}}", "model.neuron.alpha", "in (0, 1], got 1.5"),
                file("{\"model\": {\"neuron\": {\"surrogate\": {\"type\": \"triangle\", \"width\": 0}}}}",
                        "model.neuron.surrogate.width", "expected a number > 0, got 0"),
                file("{\"model\": {\"encoding\": {\"type\": \"latency\", \"threshold\": 1}}, "
                        + "\"data\": {\"normalize\": false}}", "model.encoding.threshold", "[0, 1), got 1"),
                file("{\"method\": {\"hlop\": {\"lr\": [0.1, 0, 0.1]}}}", "method.hlop.lr[1]", "> 0, got 0"),
                file("{\"method\": {\"hlop\": {\"increment\": [1, -2, 3]}}}", "method.hlop.increment[1]", ">= 0"),
                file("{\"output\": {\"dir\": \"\"}}", "output.dir", "expected a non-empty string"),
                // rules between fields
                file("{\"training\": {\"method\": \"dsr\"}}", "training.method", "requires model.neuron.type=dsr-lif"),
                file("{\"model\": {\"readout\": \"weighted-rate\"}}", "model.readout", "requires model.neuron.type"),
                file("{\"model\": {\"encoding\": {\"type\": \"poisson\"}}}", "model.encoding.type",
                        "requires data.normalize=false"),
                file("{\"model\": {\"head\": \"per-task\"}}", "model.head", "requires a split scenario"),
                file("{\"data\": {\"scenario\": \"split-mnist\", \"tasks\": 5}}", "model.head", "requires per-task"),
                file("{\"method\": {\"hlop\": {\"initial\": [1, 2]}}}", "method.hlop.initial",
                        "expected 3 entries"),
                file("{\"method\": {\"type\": \"multitask\", \"hlop\": {}}}", "method.hlop", "multitask"),
                // values from --set
                set("training.optimizer.lr=fast", "training.optimizer.lr", "expected a number, got \"fast\""),
                set("model.neuron.tauu=3", "model.neuron.tauu", "did you mean tau?"),
                set("model.hidden[1]=0", "model.hidden[1]", "expected an integer >= 1, got 0"),
                set("model.hidden=[1.5]", "model.hidden[0]", "expected an integer, got 1.5"),
                set("model.neuron.type=izhikevich", "model.neuron.type", "unknown type \"izhikevich\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void failsNamingExactPath(Case c) {
        assertProblem(fails(c.json(), c.overrides().toArray(String[]::new)), c.source(), c.path(), c.fragment());
    }
}
