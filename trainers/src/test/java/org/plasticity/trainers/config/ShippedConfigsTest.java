package org.plasticity.trainers.config;

import org.junit.jupiter.api.Test;
import org.plasticity.trainers.sweep.SweepExpander;
import org.plasticity.trainers.sweep.SweepSpecReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every config and sweep spec the repository ships reads, validates and expands. */
class ShippedConfigsTest {
    private static List<Path> json(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyExperimentConfigIsValid() throws IOException {
        List<Path> configs = json(Path.of("..", "configs"));
        assertTrue(configs.size() >= 19, "configs found: " + configs);
        for (Path p : configs) {
            ExperimentConfig c = ExperimentConfigs.read(p, List.of());
            String file = p.getFileName().toString();
            assertEquals(file.substring(0, file.length() - ".json".length()), c.name(), "name matches the file");
        }
    }

    @Test
    void everySweepSpecExpands() throws IOException {
        List<Path> specs = json(Path.of("..", "configs", "sweeps"));
        assertFalse(specs.isEmpty());
        for (Path p : specs) {
            SweepExpander.Expansion e = SweepExpander.expand(SweepSpecReader.read(p));
            assertFalse(e.runs().isEmpty(), p.toString());
            assertEquals(0, e.duplicates(), p + " expands to distinct runs");
        }
        assertEquals(24, SweepExpander.expand(SweepSpecReader.read(Path.of("..", "configs", "sweeps",
                "pmnist-methods.json"))).runs().size(), "8 methods x 3 seeds");
    }
}
