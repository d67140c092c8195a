package org.plasticity.trainers.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.core.state.CheckpointStore;
import org.plasticity.trainers.SmallMnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs survive SIGKILL and SIGTERM: a 3-task HLOP run (Poisson input, so the engine's random
 * stream matters too) killed at random checkpoints and resumed each time ends with exactly the
 * accuracy matrix and weights of the uninterrupted run.
 */
class ResumeTest {
    @TempDir
    static Path temp;
    static Path config;
    static Path reference;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        Path data = SmallMnist.write(temp.resolve("data"), 1200, 200, 5);
        config = temp.resolve("resume.json");
        Files.writeString(config, """
                { "name": "resume", "threads": 1,
                  "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": 3, "normalize": false },
                  "model": { "hidden": [48], "timesteps": 4, "encoding": { "type": "poisson" } },
                  "training": { "batchSize": 16, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.1, "momentum": 0.9 } },
                  "method": { "type": "finetune",
                              "hlop": { "lr": [0.001, 0.01], "initial": [12, 8], "increment": [6, 4] } },
                  "output": { "progress": false, "checkpointEverySteps": 9 } }
                """.formatted(data));
        reference = temp.resolve("reference");
        assertEquals(0, runToEnd("run", config.toString(), "--out", reference.toString()));
    }

    private static int runToEnd(String... args) throws IOException, InterruptedException {
        Process p = CliProcess.start(temp.resolve("log-" + System.nanoTime() + ".txt"), args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "run did not finish");
        return p.exitValue();
    }

    static long newestCheckpoint(Path run) throws IOException {
        long max = 0;
        for (Path p : new CheckpointStore(run.resolve("checkpoints")).files()) {
            String n = p.getFileName().toString();
            max = Math.max(max, Long.parseLong(n.substring("checkpoint-".length(), n.length() - ".ckpt".length())));
        }
        return max;
    }

    private static void assertSameResults(Path run) throws IOException {
        assertEquals(Files.readString(reference.resolve("acc_matrix.csv")), Files.readString(run.resolve("acc_matrix.csv")));
        assertArrayEquals(Files.readAllBytes(reference.resolve("weights.params")),
                Files.readAllBytes(run.resolve("weights.params")), "weights must be bit-identical");
    }

    @Test
    void theSameConfigTwiceGivesBitIdenticalResults() throws Exception {
        Path again = temp.resolve("again");
        assertEquals(0, runToEnd("run", config.toString(), "--out", again.toString()));
        assertSameResults(again);
    }

    @Test
    void killedAtRandomCheckpointsAndResumedEqualsTheUninterruptedRun() throws Exception {
        Path run = temp.resolve("killed");
        Random random = new Random(20221);
        List<Long> killedAt = new ArrayList<>();
        String[] first = {"run", config.toString(), "--out", run.toString()};
        String[] resume = {"resume", run.toString()};
        for (int kill = 0; kill < 4; kill++) {
            long target = newestCheckpoint(run) + 1 + random.nextInt(12);
            Process p = CliProcess.start(temp.resolve("kill-" + kill + ".txt"), kill == 0 ? first : resume);
            long deadline = System.currentTimeMillis() + 120_000;
            while (p.isAlive() && newestCheckpoint(run) < target && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(40));
            if (!p.isAlive()) {
                break;
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor();
            killedAt.add(newestCheckpoint(run));
            assertFalse(Files.exists(run.resolve("metrics.json")), "killed before the end");
        }
        assertTrue(killedAt.size() >= 3, "killed mid-run several times: " + killedAt);
        assertEquals(0, runToEnd(resume));
        assertSameResults(run);
    }

    @Test
    void sigtermWritesACheckpointAndExitsWithTheRequeueCode() throws Exception {
        Path run = temp.resolve("terminated");
        Process p = CliProcess.start(temp.resolve("term.txt"), "run", config.toString(), "--out", run.toString());
        long deadline = System.currentTimeMillis() + 120_000;
        while (p.isAlive() && newestCheckpoint(run) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        long before = newestCheckpoint(run);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(75, p.exitValue(), Files.readString(temp.resolve("term.txt")));
        // A SIGTERM that lands between a checkpoint's write and the stop check right after it stops on that
        // checkpoint, which already holds the stop point; anywhere else a new one is written. Either way the run
        // resumes to the uninterrupted result (below).
        assertTrue(newestCheckpoint(run) >= before, "the newest checkpoint holds the stop point");
        assertTrue(new CheckpointStore(run.resolve("checkpoints")).latest().isPresent());
        assertFalse(Files.exists(run.resolve("metrics.json")));
        assertTrue(Files.readString(temp.resolve("term.txt")).contains("plasticity resume"));
        assertEquals(0, runToEnd("resume", run.toString()));
        assertSameResults(run);
    }
}
