package org.plasticity.trainers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.trainers.config.ConfigAssertions.assertProblem;
import static org.plasticity.trainers.config.ConfigAssertions.fails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictReadingTest {

    @Test
    void misspelledKeyNamesFullPathListsKnownKeysAndSuggests() {
        ConfigException e = fails("{\"model\": {\"neuron\": {\"tauu\": 3}}}");
        assertEquals("quick.json: model.neuron.tauu: unknown key (known: type, tau, vth, decayInput, detachReset, "
                + "surrogate); did you mean tau?", e.getMessage());
    }

    @Test
    void farOffKeyGetsNoSuggestion() {
        ConfigException e = fails("{\"training\": {\"xyzzy\": 3}}");
        assertProblem(e, "training.xyzzy", "unknown key");
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void stringWhereNumberExpectedFails() {
        ConfigException e = fails("{\"training\": {\"optimizer\": {\"lr\": \"0.1\"}}}");
        assertEquals("quick.json: training.optimizer.lr: expected a number, got \"0.1\"", e.getMessage());
    }

    @Test
    void stringWhereIntegerExpectedFails() {
        assertProblem(fails("{\"training\": {\"batchSize\": \"64\"}}"), "training.batchSize",
                "expected an integer, got \"64\"");
    }

    @Test
    void fractionForIntegerFails() {
        assertProblem(fails("{\"training\": {\"epochs\": 1.5}}"), "training.epochs", "expected an integer, got 1.5");
    }

    @Test
    void stringForBooleanFails() {
        assertProblem(fails("{\"data\": {\"normalize\": \"false\"}}"), "data.normalize",
                "expected a boolean, got \"false\"");
    }

    @Test
    void numberForStringFails() {
        assertProblem(fails("{\"output\": {\"dir\": 7}}"), "output.dir", "expected a string, got 7");
    }

    @Test
    void nullForPrimitiveFails() {
        assertProblem(fails("{\"model\": {\"timesteps\": null}}"), "model.timesteps", "expected an integer, got null");
    }

    @Test
    void integerForNumberIsAccepted() {
        assertEquals(1.0, ((SgdOptimizer) ConfigAssertions.parse("{\"training\": {\"optimizer\": {\"lr\": 1}}}")
                .training().optimizer()).lr());
    }

    @Test
    void nullableFieldsAcceptNull() {
        DataConfig data = ConfigAssertions.parse("{\"data\": {\"root\": null, \"trainLimit\": null}}").data();
        assertEquals(DataConfig.DEFAULTS, data);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ConfigException e = fails("{\n  \"model\": {\n    \"timesteps\": 4,\n  }\n}");
        assertTrue(e.getMessage().startsWith("quick.json: line 4, column 3: near model.timesteps: malformed JSON: "),
                e.getMessage());
    }

    @Test
    void duplicateKeyFails() {
        ConfigException e = fails("{\"seed\": 1,\n \"seed\": 2}");
        assertTrue(e.getMessage().startsWith("quick.json: line 2, column"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'seed'"), e.getMessage());
    }

    @Test
    void trailingContentFails() {
        assertTrue(fails("{} {}").getMessage().contains("malformed JSON"));
    }

    @Test
    void topLevelMustBeAnObject() {
        assertEquals("quick.json: expected a JSON object at the top level, got an array", fails("[]").getMessage());
    }

    @Test
    void emptyDocumentFails() {
        assertEquals("quick.json: expected a JSON object, got an empty document", fails("  ").getMessage());
    }

    @Test
    void everyProblemIsReportedOnOneLine() {
        ConfigException e = fails("{\"name\": 5, \"seed\": \"x\", \"training\": {\"batchSize\": 0}}");
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e, "name", "expected a string, got 5");
        assertProblem(e, "seed", "expected an integer, got \"x\"");
    }

    @Test
    void readNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quick.json");
        Files.writeString(file, "{\"training\": {\"batchSize\": 0}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfigs.read(file, List.of()));
        assertEquals(file + ": training.batchSize: expected an integer >= 1, got 0", e.getMessage());
    }

    @Test
    void readAppliesOverrides(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("quick.json");
        Files.writeString(file, "{\"training\": {\"batchSize\": 0}}");
        assertEquals(32, ExperimentConfigs.read(file, List.of("training.batchSize=32")).training().batchSize());
    }

    @Test
    void missingFileFails(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfigs.read(file, List.of()));
        assertEquals(file + ": no such file", e.getMessage());
    }
}
