package org.plasticity.trainers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.trainers.SmallMnist;

/**
 * Adaptation runs through the real command line: a source CNN and a source MLP are trained on generated MNIST
 * files; adapting the CNN writes {@code metrics.json} (kind {@code adaptation}) and {@code shifts.csv}; every bad
 * adaptation input exits 2 with one line naming the key or file and leaves no results.
 */
class AdaptationCliTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path cnnSource;
    static Path mlpSource;
    static Path noWeights;

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trainSources() throws IOException {
        data = SmallMnist.write(temp.resolve("data"), 120, 60, 4);
        cnnSource = train("cnn", "\"model\": { \"type\": \"cnn\", \"channels\": [4], \"head\": \"shared\", "
                + "\"timesteps\": 1, \"neuron\": { \"type\": \"relu\" } }");
        mlpSource = train("mlp", "\"model\": { \"hidden\": [16], \"head\": \"shared\", \"timesteps\": 2 }");
        noWeights = temp.resolve("no-weights");
        Files.createDirectories(noWeights);
        Files.copy(cnnSource.resolve("config.json"), noWeights.resolve("config.json"));
    }

    private static Path train(String name, String model) throws IOException {
        Path config = Files.writeString(temp.resolve(name + "-source.json"), """
                { "threads": 1, "name": "%s",
                  "data": { "root": "%s", "scenario": "split-mnist", "tasks": 1, "classesPerTask": 10,
                            "incremental": "class" },
                  %s, "training": { "method": "bptt" }, "output": { "progress": false } }
                """.formatted(name, data, model));
        Path out = temp.resolve(name + "-source");
        CliTest.Outcome o = CliTest.run("run", config.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        return out;
    }

    /** A source folder whose config codes its input as Poisson spikes (its weights are never read). */
    static Path poissonSource() {
        try {
            Path dir = Files.createDirectories(temp.resolve("poisson-source"));
            String config = Files.readString(cnnSource.resolve("config.json"));
            JsonNode tree = JSON.readTree(config);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("model")).set("encoding",
                    JSON.readTree("{\"type\": \"poisson\"}"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("data")).put("normalize", false);
            Files.writeString(dir.resolve("config.json"), tree.toString());
            Files.copy(cnnSource.resolve("weights.params"), dir.resolve("weights.params"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String adaptation(Path source, String extra) {
        return """
                { "threads": 1, "output": { "progress": false },
                  "adaptation": { "source": "%s", "batchSize": 16, "shifts": { "corruptions": [], "clean": true }
                                  %s } }
                """.formatted(source, extra);
    }

    @Test
    void adaptingWritesTheResults() throws IOException {
        Path config = Files.writeString(temp.resolve("tent.json"), adaptation(cnnSource, ", \"method\": { \"type\": "
                + "\"tent\" }"));
        Path out = temp.resolve("tent-run");
        CliTest.Outcome o = CliTest.run("run", config.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertEquals("adaptation", metrics.get("kind").asText());
        assertEquals("tent", metrics.get("method").asText());
        assertEquals("cnn", metrics.get("model").asText());
        JsonNode clean = metrics.get("shifts").get(0);
        assertEquals("clean", clean.get("name").asText());
        assertEquals(60, clean.get("samples").asInt());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out.resolve("shifts.csv"))).getRecords();
        assertEquals(1, rows.size());
        assertEquals(clean.get("error").asDouble(), Double.parseDouble(rows.get(0).get("error")), 0);
        JsonNode resolved = JSON.readTree(out.resolve("config.json").toFile());
        assertEquals("cnn", resolved.get("model").get("type").asText(), "the run records the source's model");

        Path unfinished = temp.resolve("unfinished-adaptation");
        Files.createDirectories(unfinished);
        Files.copy(out.resolve("config.json"), unfinished.resolve("config.json"));
        CliTest.Outcome resume = CliTest.run("resume", unfinished.toString());
        assertEquals(2, resume.code());
        assertTrue(resume.err().contains("adaptation run"), resume.err());

        Path again = Files.writeString(temp.resolve("of-adaptation.json"), adaptation(out, ""));
        CliTest.Outcome ofAdaptation = CliTest.run("run", again.toString(), "--out", temp.resolve("x").toString());
        assertEquals(2, ofAdaptation.code());
        assertTrue(ofAdaptation.err().contains("adaptation.source"), ofAdaptation.err());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing source folder", adaptation(temp.resolve("nowhere"), ""), "adaptation.source"),
                Arguments.of("source without weights", adaptation(noWeights, ""), "weights.params"),
                Arguments.of("no source given", "{ \"adaptation\": {} }", "adaptation.source"),
                Arguments.of("bn-adapt without BatchNorm", adaptation(mlpSource, ", \"method\": { \"type\": "
                        + "\"bn-adapt\" }"), "adaptation.method.type"),
                Arguments.of("tent without BatchNorm", adaptation(mlpSource, ", \"method\": { \"type\": \"tent\" }"),
                        "adaptation.method.type"),
                Arguments.of("nhl without a convolution", adaptation(mlpSource, ", \"method\": { \"type\": \"nhl\" }"),
                        "adaptation.method.type"),
                Arguments.of("unknown method", adaptation(cnnSource, ", \"method\": { \"type\": \"shot\" }"),
                        "adaptation.method.type"),
                Arguments.of("unknown corruption", """
                        { "adaptation": { "source": "%s", "shifts": { "corruptions": ["rain"] } } }
                        """.formatted(cnnSource), "adaptation.shifts.corruptions[0]"),
                Arguments.of("severity out of range", """
                        { "adaptation": { "source": "%s", "shifts": { "severities": [6] } } }
                        """.formatted(cnnSource), "adaptation.shifts.severities[0]"),
                Arguments.of("task beyond the source's", adaptation(cnnSource, ", \"task\": 3"), "adaptation.task"),
                Arguments.of("bad alpha", adaptation(cnnSource, ", \"method\": { \"type\": \"bn-adapt\", \"alpha\": 2 }"),
                        "adaptation.method.alpha"),
                Arguments.of("nhl on spike-coded input", adaptation(poissonSource(), ", \"method\": { \"type\": \"nhl\" }"),
                        "model.encoding.type"),
                Arguments.of("bad reset", adaptation(cnnSource, ", \"reset\": \"never\""), "adaptation.reset"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoNamingTheKey(String name, String json, String expected) throws IOException {
        Path config = Files.writeString(temp.resolve("bad.json"), json);
        Path out = temp.resolve("out-" + Math.abs(name.hashCode()));
        CliTest.Outcome o = CliTest.run("run", config.toString(), "--out", out.toString());
        String err = o.err().strip();
        assertEquals(2, o.code(), name + ": " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(expected), "names " + expected + ": " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertFalse(Files.exists(out), "nothing written for a refused run");
    }
}
