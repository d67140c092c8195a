package org.plasticity.trainers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;

/**
 * Adaptation measured on real data: a small BatchNorm CNN trained on 6 000 real MNIST images, adapted on 2 000
 * test images under three severity-5 corruptions. BatchNorm adaptation, Tent and NHL each lower the mean error
 * clearly below the source model's.
 */
class AdaptationOnRealMnistTest {
    @TempDir
    Path temp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void adaptationLowersTheErrorUnderCorruption() throws IOException {
        Path root = SmallMnist.realRoot();
        Assumptions.assumeTrue(root != null, "real MNIST not present (run scripts/fetch-data.sh)");
        Path sourceConfig = Files.writeString(temp.resolve("source.json"), """
                { "threads": 2, "data": { "root": "%s", "scenario": "split-mnist", "tasks": 1, "classesPerTask": 10,
                           "incremental": "class", "trainLimit": 6000, "testLimit": 500 },
                  "model": { "type": "cnn", "channels": [8, 16], "head": "shared", "timesteps": 1,
                             "neuron": { "type": "relu" } },
                  "training": { "method": "bptt", "batchSize": 64,
                                "optimizer": { "type": "sgd", "lr": 0.05, "momentum": 0.9 } },
                  "output": { "progress": false } }
                """.formatted(root));
        Path source = temp.resolve("source");
        CliTest.Outcome trained = CliTest.run("run", sourceConfig.toString(), "--out", source.toString());
        assertEquals(0, trained.code(), trained.err());
        double sourceError = meanError(source, "{ \"type\": \"source\" }");
        double bnError = meanError(source, "{ \"type\": \"bn-adapt\" }");
        double tentError = meanError(source, "{ \"type\": \"tent\" }");
        double nhlError = meanError(source, "{ \"type\": \"nhl\" }");
        assertTrue(sourceError > 0.15, "the corruptions hurt the source model: " + sourceError);
        assertTrue(bnError < sourceError - 0.05, "bn-adapt " + bnError + " vs source " + sourceError);
        assertTrue(tentError < sourceError - 0.05, "tent " + tentError + " vs source " + sourceError);
        assertTrue(nhlError < sourceError - 0.05, "nhl " + nhlError + " vs source " + sourceError);
    }

    private double meanError(Path source, String method) throws IOException {
        String name = JSON.readTree(method).get("type").asText();
        Path config = Files.writeString(temp.resolve("adapt-" + name + ".json"), """
                { "threads": 2, "output": { "progress": false },
                  "adaptation": { "source": "%s", "method": %s, "testLimit": 2000,
                                  "shifts": { "corruptions": ["gaussian_noise", "contrast", "fog"] } } }
                """.formatted(source, method));
        Path out = temp.resolve("adapt-" + name);
        CliTest.Outcome o = CliTest.run("run", config.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("shifts").size());
        return metrics.get("meanError").asDouble();
    }
}
