package org.plasticity.trainers.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spiking CNN run (BatchNorm with running statistics, frozen after the first task; DSR thresholds;
 * HLOP on the conv layers, or HAT's gates with their embeddings, cumulative masks and optimizer) killed
 * with SIGKILL in the middle of its second task and resumed ends with exactly the accuracy matrix and
 * the weights and buffers of the uninterrupted run.
 */
class CnnResumeTest {
    @TempDir
    Path temp;

    private int runToEnd(String... args) throws IOException, InterruptedException {
        Process p = CliProcess.start(temp.resolve("log-" + System.nanoTime() + ".txt"), args);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "run did not finish");
        return p.exitValue();
    }

    private static long newestCheckpoint(Path run) throws IOException {
        return ResumeTest.newestCheckpoint(run);
    }

    @Test
    void killedMidTaskAndResumedEqualsTheUninterruptedRun() throws Exception {
        checkKilledMidTaskAndResumed("""
                "hlop": { "lr": [0.01, 0.01], "initial": [3, 8], "increment": [1, 4] }""");
    }

    @Test
    void hatKilledMidTaskAndResumedEqualsTheUninterruptedRun() throws Exception {
        checkKilledMidTaskAndResumed("\"hat\": {}");
    }

    private void checkKilledMidTaskAndResumed(String method) throws Exception {
        Path data = SmallMnist.write(temp.resolve("data"), 600, 100, 7);
        Path config = temp.resolve("cnn.json");
        Files.writeString(config, """
                { "name": "cnn-resume", "threads": 1,
                  "data": { "scenario": "split-mnist", "root": "%s", "tasks": 2, "classesPerTask": 2,
                            "incremental": "task" },
                  "model": { "type": "cnn", "channels": [4, 8], "timesteps": 3, "readout": "weighted-rate",
                             "neuron": { "type": "dsr-lif" } },
                  "training": { "method": "dsr", "batchSize": 8, "freezeAfterFirstTask": true,
                                "optimizer": { "type": "sgd", "lr": 0.05, "momentum": 0.9 } },
                  "method": { "type": "finetune", %s },
                  "output": { "progress": false, "checkpointEverySteps": 4 } }
                """.formatted(data, method));
        Path reference = temp.resolve("reference");
        assertEquals(0, runToEnd("run", config.toString(), "--out", reference.toString()));

        Path run = temp.resolve("killed");
        Process p = CliProcess.start(temp.resolve("kill.txt"), "run", config.toString(), "--out", run.toString());
        long deadline = System.currentTimeMillis() + 180_000;
        // wait for task 0 to end, then for a checkpoint inside task 1 (the one after task 0, then a mid-task one)
        Path log = run.resolve("run.log");
        while (p.isAlive() && !(Files.exists(log) && Files.readString(log).contains("task 0 done"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        long afterTask0 = newestCheckpoint(run);
        while (p.isAlive() && newestCheckpoint(run) < afterTask0 + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(p.isAlive(), "the run was still going when killed");
        p.destroyForcibly();
        p.waitFor();
        assertFalse(Files.exists(run.resolve("metrics.json")), "killed before the end");
        assertEquals(0, runToEnd("resume", run.toString()));
        assertEquals(Files.readString(reference.resolve("acc_matrix.csv")), Files.readString(run.resolve("acc_matrix.csv")));
        assertArrayEquals(Files.readAllBytes(reference.resolve("weights.params")),
                Files.readAllBytes(run.resolve("weights.params")), "weights and buffers must be bit-identical");
    }
}
