package org.plasticity.trainers.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 through the real command line: every setting does what the README says — type switches by
 * {@code --set}, the thread cap, plain progress lines in logs, OTTT's decayInput, latency coding that learns.
 */
class CliSettingsTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path config;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeData() throws Exception {
        data = SmallMnist.write(temp.resolve("data"), 300, 100, 1);
        config = temp.resolve("file.json");
        Files.writeString(config, """
                { "name": "settings", "threads": 1,
                  "data": { "root": "%s", "tasks": 1 },
                  "model": { "hidden": [16], "timesteps": 2,
                             "neuron": { "type": "lif", "tau": 3.0, "decayInput": false,
                                         "surrogate": { "type": "sigmoid", "alpha": 5.0 } } },
                  "training": { "batchSize": 32, "optimizer": { "type": "sgd", "lr": 0.2, "momentum": 0.9 } },
                  "output": { "progress": false } }
                """.formatted(data.toString().replace("\\", "\\\\")));
    }

    /** A CLI call with System.out and System.err captured too (validate and progress write there). */
    record Captured(int code, String out, String err) {
    }

    static Captured capture(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            CliTest.Outcome r = CliTest.run(args);
            return new Captured(r.code(), o.toString(StandardCharsets.UTF_8) + r.out(),
                    e.toString(StandardCharsets.UTF_8) + r.err());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static JsonNode printed(String... sets) throws Exception {
        String[] args = new String[3 + 2 * sets.length + 1];
        args[0] = "validate";
        args[1] = config.toString();
        args[2] = "--print";
        args[3] = "--no-data";
        for (int i = 0; i < sets.length; i++) {
            args[4 + 2 * i] = "--set";
            args[5 + 2 * i] = sets[i];
        }
        Captured c = capture(java.util.Arrays.copyOf(args, 4 + 2 * sets.length));
        assertEquals(0, c.code(), c.err());
        return JSON.readTree(c.out());
    }

    @Test
    void settingATypeSwitchesToThatTypesDefaults() throws Exception {
        JsonNode fast = printed("model.neuron.surrogate.type=fast-sigmoid").at("/model/neuron/surrogate");
        assertEquals(25.0, fast.get("slope").asDouble(), fast.toString());
        assertFalse(fast.has("alpha"), fast.toString());
        assertEquals(2.0, printed("model.neuron.surrogate.type=atan").at("/model/neuron/surrogate/alpha").asDouble());
        assertEquals(3.0, printed("model.neuron.surrogate.type=atan", "model.neuron.surrogate.alpha=3")
                .at("/model/neuron/surrogate/alpha").asDouble());
        JsonNode neuron = printed("model.neuron.type=if").at("/model/neuron");
        assertEquals("if", neuron.get("type").asText());
        assertFalse(neuron.has("tau"), neuron.toString());
        assertEquals(4.0, neuron.at("/surrogate/alpha").asDouble(), "if's own default surrogate");
        JsonNode adam = printed("training.optimizer.type=adam").at("/training/optimizer");
        assertEquals(0.001, adam.get("lr").asDouble(), adam.toString());
        assertFalse(adam.has("momentum"), adam.toString());
        JsonNode cnn = printed("model.type=cnn", "data.scenario=split-mnist", "data.tasks=5").at("/model");
        assertEquals("[64,128,256]", cnn.get("channels").toString());
        assertFalse(cnn.has("hidden"), cnn.toString());
        assertEquals(6, cnn.get("timesteps").asInt(), "the cnn's defaults, not the file's mlp keys");
    }

    @Test
    void threadsAboveTheCoresAreCappedWithANotice() throws Exception {
        Captured c = capture("run", config.toString(), "--out", temp.resolve("threads").toString(),
                "--set", "threads=4096");
        assertEquals(0, c.code(), c.err());
        long notices = c.err().lines().filter(l -> l.startsWith("notice: threads: 4096 is more than the")).count();
        assertEquals(1, notices, c.err());
    }

    @Test
    void progressInALogIsPlainLines() throws Exception {
        Captured c = capture("run", config.toString(), "--out", temp.resolve("progress").toString(),
                "--set", "output.progress=true");
        assertEquals(0, c.code(), c.err());
        assertFalse(c.err().contains("\r"), "no carriage returns when stderr is not a terminal");
        assertTrue(c.err().lines().anyMatch(l -> l.contains(": 100% (")), c.err());
        assertTrue(c.err().lines().anyMatch(l -> l.contains(": 10% (") || l.contains(": 11% (")), c.err());
    }

    @Test
    void otttHonoursDecayInput() throws Exception {
        Path plain = temp.resolve("ottt-plain");
        Path decay = temp.resolve("ottt-decay");
        for (Path out : new Path[] {plain, decay}) {
            Captured c = capture("run", config.toString(), "--out", out.toString(), "--set", "training.method=ottt",
                    "--set", "model.neuron.decayInput=" + (out == decay));
            assertEquals(0, c.code(), c.err());
        }
        assertTrue(JSON.readTree(decay.resolve("config.json").toFile()).at("/model/neuron/decayInput").asBoolean());
        assertNotEquals(JSON.readTree(plain.resolve("metrics.json").toFile()).get("perTask").toString(),
                JSON.readTree(decay.resolve("metrics.json").toFile()).get("perTask").toString(),
                "decayInput changes the online LIF's dynamics");
    }

    @Test
    void latencyCodingLearnsRealMnistAtALowThreshold() throws Exception {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        Path out = temp.resolve("latency");
        Captured c = capture("run", config.toString(), "--out", out.toString(), "--set", "data.root=" + root,
                "--set", "data.trainLimit=3000", "--set", "data.testLimit=500", "--set", "data.normalize=false",
                "--set", "model.hidden=[100]", "--set", "model.timesteps=6", "--set", "model.neuron.type=lif",
                "--set", "model.neuron.vth=0.1", "--set", "model.neuron.tau=2", "--set", "model.encoding.type=latency",
                "--set", "training.optimizer.type=sgd", "--set", "training.optimizer.lr=0.1", "--set", "training.optimizer.momentum=0",
                "--set", "training.batchSize=64");
        assertEquals(0, c.code(), c.err());
        double acc = JSON.readTree(out.resolve("metrics.json").toFile()).get("acc").asDouble();
        assertTrue(acc > 0.4, "latency coding at vth 0.1 learns (chance 0.1): " + acc);
    }
}
