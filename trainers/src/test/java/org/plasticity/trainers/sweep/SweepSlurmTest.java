package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.SmallMnist;

/**
 * Sweeps through a real Slurm cluster: sbatch, an array job, squeue, scancel. Skipped unless a cluster answers (CI
 * starts one with scripts/slurm/local-cluster.sh; so can a developer). One run at a time ({@code %1}), one CPU each.
 */
class SweepSlurmTest {
    @TempDir
    static Path temp;
    static Path data;

    @BeforeAll
    static void needsSlurm() throws Exception {
        Assumptions.assumeTrue(SlurmClient.fromPath().canSubmit(), "no sbatch on PATH");
        Process ping = new ProcessBuilder("scontrol", "ping").redirectErrorStream(true).start();
        String out = new String(ping.getInputStream().readAllBytes());
        Assumptions.assumeTrue(ping.waitFor(30, TimeUnit.SECONDS) && out.contains("is UP"),
                "no Slurm controller answers (start one: scripts/slurm/local-cluster.sh start): " + out.strip());
        data = SmallMnist.write(temp.resolve("data"), 600, 100, 5);
    }

    private static Path spec(String name, int train, int tasks, String more) throws IOException {
        return Files.writeString(temp.resolve(name + ".json"), """
                { "name": "%s",
                  "base": { "name": "%s", "threads": 1,
                            "data": { "scenario": "permuted-mnist", "root": "%s", "tasks": %d, "trainLimit": %d },
                            "model": { "hidden": [32], "timesteps": 4 },
                            "training": { "batchSize": 16 },
                            "output": { "checkpointEverySteps": 5 } },
                  "slurm": { "cpusPerTask": 1, "mem": "2G", "time": "00:10:00", "maxConcurrent": 1 },
                  %s }
                """.formatted(name, name, data, tasks, train, more));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void aSweepRunsAsARealArrayJobAndIsNotSubmittedAgainOnceComplete() throws Exception {
        Path spec = spec("slurm-array", 600, 2, "\"seeds\": [1, 2, 3]");
        Path sweep = temp.resolve("array-sweep");
        Path log = temp.resolve("array.log");
        int code = CliJvm.run(log, "sweep", spec.toString(), "--executor", "slurm", "--out", sweep.toString(), "--wait",
                "--poll-seconds", "1");
        String out = read(log);
        assertEquals(0, code, out);
        assertTrue(out.contains("submitted array job") && out.contains("--array=0-2%1"), out);
        JsonNode manifest = SweepJsonAccess.tree(read(sweep.resolve("sweep.json")));
        String jobId = manifest.get("slurmJobs").get(0).get("jobId").asText();
        for (JsonNode r : manifest.get("runs")) {
            int index = r.get("index").asInt();
            assertTrue(Files.isRegularFile(sweep.resolve(r.get("id").asText()).resolve("metrics.json")), out);
            String taskLog = read(sweep.resolve("logs").resolve("slurm-" + jobId + "_" + index + ".out"));
            assertTrue(taskLog.contains("task " + jobId + "_" + index + " on "), taskLog);
            JsonNode status = SweepJsonAccess.tree(read(sweep.resolve(r.get("id").asText()).resolve(RunStatus.FILE)));
            assertEquals(jobId + "_" + index, status.get("jobId").asText(), "the run knows its array task");
        }
        Path again = temp.resolve("array-again.log");
        assertEquals(0, CliJvm.run(again, "sweep", spec.toString(), "--executor", "slurm", "--out", sweep.toString()));
        assertTrue(read(again).contains("nothing to submit (3 runs: 3 complete"), read(again));
        assertEquals(1, SweepJsonAccess.tree(read(sweep.resolve("sweep.json"))).get("slurmJobs").size());
        Path status = temp.resolve("array-status.log");
        assertEquals(0, CliJvm.run(status, "sweep", "status", sweep.toString()));
        assertTrue(read(status).contains("3 runs: 3 completed"), read(status));
    }

    @Test
    void sigtermToTheBatchShellCheckpointsTheRunAndResubmittingResumesIt() throws Exception {
        Path spec = spec("slurm-term", 3000, 3, "\"seeds\": [7]");
        Path sweep = temp.resolve("term-sweep");
        Path log = temp.resolve("term.log");
        assertEquals(0, CliJvm.run(log, "sweep", spec.toString(), "--executor", "slurm", "--out", sweep.toString()),
                read(log));
        JsonNode manifest = SweepJsonAccess.tree(read(sweep.resolve("sweep.json")));
        String jobId = manifest.get("slurmJobs").get(0).get("jobId").asText();
        Path run = sweep.resolve(manifest.get("runs").get(0).get("id").asText());
        long deadline = System.currentTimeMillis() + 180_000;
        while (!RunInspector.hasCheckpoint(run) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(RunInspector.hasCheckpoint(run), "the run got going under Slurm");
        // what Slurm does before a time limit with --signal=B:TERM@N: SIGTERM to the batch shell only
        new ProcessBuilder("scancel", "--batch", "--signal=TERM", jobId + "_0").inheritIO().start()
                .waitFor(30, TimeUnit.SECONDS);
        SlurmClient slurm = SlurmClient.fromPath();
        while (!slurm.queuedTasks(jobId).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        String taskLog = read(sweep.resolve("logs").resolve("slurm-" + jobId + "_0.out"));
        JsonNode status = SweepJsonAccess.tree(read(run.resolve(RunStatus.FILE)));
        assertEquals("stopped", status.get("state").asText(), taskLog);
        assertEquals(75, status.get("exitCode").asInt());
        assertTrue(taskLog.contains("SIGTERM received"), taskLog);
        assertTrue(!Files.exists(run.resolve("metrics.json")), "stopped before the end: " + taskLog);

        Path again = temp.resolve("term-again.log");
        assertEquals(0, CliJvm.run(again, "sweep", spec.toString(), "--executor", "slurm", "--out", sweep.toString(),
                "--wait", "--poll-seconds", "1"), read(again));
        assertTrue(Files.isRegularFile(run.resolve("metrics.json")));
        String jobId2 = SweepJsonAccess.tree(read(sweep.resolve("sweep.json"))).get("slurmJobs").get(1).get("jobId")
                .asText();
        String resumed = read(sweep.resolve("logs").resolve("slurm-" + jobId2 + "_0.out"));
        assertTrue(resumed.contains("resumes") && resumed.contains("resuming"), resumed);
    }
}
