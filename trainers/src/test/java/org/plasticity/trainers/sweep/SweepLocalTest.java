package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;

/**
 * Real sweeps through the local executor (tiny runs on generated data, one at a time, one thread each): a run whose
 * data is missing is reported failed while the others complete; a sweep killed midway and started again runs only the
 * missing runs, and its in-flight run does not outlive it.
 */
class SweepLocalTest {
    @TempDir
    static Path temp;
    static Path data;

    @BeforeAll
    static void smallData() {
        data = SmallMnist.write(temp.resolve("data"), 600, 100, 5);
    }

    private static Path spec(String name, String axes) throws IOException {
        return Files.writeString(temp.resolve(name + ".json"), """
                { "name": "%s",
                  "base": { "name": "tiny", "threads": 1,
                            "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 2 },
                            "model": { "hidden": [32], "timesteps": 4 },
                            "training": { "batchSize": 16 },
                            "output": { "checkpointEverySteps": 5 } },
                  %s }
                """.formatted(name, data, axes));
    }

    private static JsonNode summary(Path sweep) {
        return SweepJsonAccess.tree(read(sweep.resolve("summary.json")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> kinds(JsonNode summary) {
        Map<String, Integer> counts = new HashMap<>();
        summary.get("runs").forEach(r -> counts.merge(r.get("kind").asText(), 1, Integer::sum));
        return counts;
    }

    @Test
    void aRunWithAMissingDataFileFailsWhileTheOthersComplete() throws Exception {
        Path missing = temp.resolve("no-data-here");
        Path spec = spec("failing", """
                "axes": [ { "grid": { "data.root": ["%s", "%s"] } } ], "seeds": [1, 2]""".formatted(data, missing));
        Path sweep = temp.resolve("failing-sweep");
        Path log = temp.resolve("failing.log");
        int code = CliJvm.run(log, "sweep", spec.toString(), "--out", sweep.toString(), "--parallel", "1",
                "--threads", "1");
        String out = read(log);
        assertEquals(SweepSummary.SOME_FAILED, code, out);
        JsonNode summary = summary(sweep);
        assertEquals(Map.of("COMPLETED", 2, "FAILED", 2), kinds(summary), out);
        for (JsonNode r : summary.get("runs")) {
            if (r.get("kind").asText().equals("FAILED")) {
                assertEquals(2, r.get("exitCode").asInt(), "a missing data file is a user error");
                String reason = r.get("reason").asText();
                assertTrue(reason.startsWith("error: ") && reason.contains(missing.toString()), reason);
                assertFalse(reason.contains("\n"));
            } else {
                assertTrue(Files.isRegularFile(sweep.resolve(r.get("id").asText()).resolve("metrics.json")));
            }
        }
        assertTrue(out.contains("failed") && out.contains(missing.toString()), "the printed summary names it:\n" + out);
        assertTrue(read(sweep.resolve("summary.txt")).contains("2 completed, 2 failed"), read(sweep.resolve("summary.txt")));
        // the manifest says the same; sweep status reads it from the run folders
        JsonNode manifest = SweepJsonAccess.tree(read(sweep.resolve("sweep.json")));
        assertEquals(List.of("completed", "completed", "failed", "failed"), statuses(manifest));
        Path status = temp.resolve("status.log");
        assertEquals(0, CliJvm.run(status, "sweep", "status", sweep.toString(), "--no-squeue"));
        assertTrue(read(status).contains("4 runs: 2 failed, 2 completed"), read(status));

        // again: the complete runs are skipped, the failing ones tried again
        Path again = temp.resolve("failing-again.log");
        assertEquals(SweepSummary.SOME_FAILED, CliJvm.run(again, "sweep", spec.toString(), "--out", sweep.toString(),
                "--threads", "1"));
        assertEquals(Map.of("SKIPPED", 2, "FAILED", 2), kinds(summary(sweep)), read(again));
    }

    private static List<String> statuses(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        manifest.get("runs").forEach(r -> out.add(r.get("status").asText()));
        return out;
    }

    @Test
    void aSweepKilledMidwayAndStartedAgainRunsOnlyTheMissingRuns() throws Exception {
        Path spec = spec("killed", "\"seeds\": [1, 2, 3, 4]");
        Path sweep = temp.resolve("killed-sweep");
        Process coordinator = CliJvm.start(temp.resolve("killed-1.log"), "sweep", spec.toString(), "--out",
                sweep.toString(), "--parallel", "1", "--threads", "1");
        long deadline = System.currentTimeMillis() + 180_000;
        JsonNode manifest = null;
        ManifestRunView inFlight = null;
        while (System.currentTimeMillis() < deadline && coordinator.isAlive()) {
            Thread.sleep(50);
            if (!Files.isRegularFile(sweep.resolve("sweep.json"))) {
                continue;
            }
            manifest = SweepJsonAccess.tree(read(sweep.resolve("sweep.json")));
            inFlight = runningAfterACompletedOne(sweep, manifest);
            if (inFlight != null) {
                break;
            }
        }
        assertTrue(inFlight != null && coordinator.isAlive(), "the sweep got past its first run:\n"
                + read(temp.resolve("killed-1.log")));
        coordinator.destroyForcibly(); // SIGKILL: no chance to clean up
        coordinator.waitFor();

        Map<String, byte[]> doneBefore = new HashMap<>();
        Map<String, FileTime> stampBefore = new HashMap<>();
        for (JsonNode r : manifest.get("runs")) {
            Path metrics = sweep.resolve(r.get("id").asText()).resolve("metrics.json");
            if (Files.isRegularFile(metrics)) {
                doneBefore.put(r.get("id").asText(), Files.readAllBytes(metrics));
                stampBefore.put(r.get("id").asText(), Files.getLastModifiedTime(metrics));
            }
        }
        // the in-flight run notices that its sweep is gone and stops (checkpoint, exit 75): no orphan keeps training
        long pid = inFlight.pid();
        long orphanDeadline = System.currentTimeMillis() + 60_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && System.currentTimeMillis() < orphanDeadline) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the run process " + pid + " outlived its killed sweep");
        doneBefore.remove(inFlight.id()); // it may have finished in the instant before it was stopped
        stampBefore.remove(inFlight.id());

        Path log = temp.resolve("killed-2.log");
        assertEquals(0, CliJvm.run(log, "sweep", spec.toString(), "--out", sweep.toString(), "--parallel", "1",
                "--threads", "1"), read(log));
        JsonNode summary = summary(sweep);
        int skipped = 0;
        for (JsonNode r : summary.get("runs")) {
            String id = r.get("id").asText();
            String kind = r.get("kind").asText();
            assertTrue(Files.isRegularFile(sweep.resolve(id).resolve("metrics.json")), id);
            if (doneBefore.containsKey(id)) {
                assertEquals("SKIPPED", kind, "a run complete before the kill is not run again: " + id);
                assertArrayEquals(doneBefore.get(id), Files.readAllBytes(sweep.resolve(id).resolve("metrics.json")));
                assertEquals(stampBefore.get(id), Files.getLastModifiedTime(sweep.resolve(id).resolve("metrics.json")));
                skipped++;
            } else if (!id.equals(inFlight.id())) {
                assertEquals("COMPLETED", kind, id);
            }
        }
        assertTrue(skipped >= 1, "at least the first run was complete before the kill");
        int skippedInAll = kinds(summary).getOrDefault("SKIPPED", 0); // the in-flight run may have just finished
        assertTrue(skippedInAll == skipped || skippedInAll == skipped + 1, summary.toString());
        String restarted = read(log);
        assertTrue(restarted.contains(skippedInAll + " already complete"), restarted);
    }

    /** A run that a process runs now, once some other run is complete; null until then. */
    private static ManifestRunView runningAfterACompletedOne(Path sweep, JsonNode manifest) {
        boolean oneDone = false;
        ManifestRunView running = null;
        for (JsonNode r : manifest.get("runs")) {
            Path dir = sweep.resolve(r.get("id").asText());
            if (Files.isRegularFile(dir.resolve("metrics.json"))) {
                oneDone = true;
                continue;
            }
            Path status = dir.resolve(RunStatus.FILE);
            if (Files.isRegularFile(status) && Files.isDirectory(dir.resolve("checkpoints"))) {
                JsonNode s = SweepJsonAccess.tree(read(status));
                if (s.get("state").asText().equals("running")) {
                    running = new ManifestRunView(r.get("id").asText(), s.get("pid").asLong());
                }
            }
        }
        return oneDone ? running : null;
    }

    private record ManifestRunView(String id, long pid) {
    }
}
