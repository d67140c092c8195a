package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.trainers.UserError;

/**
 * The Slurm executor against stand-in {@code sbatch}/{@code squeue} scripts: what it submits, that complete and
 * queued runs are not submitted again, that a GPU config asks for a GPU, and sbatch's refusal as a user error.
 * (SweepSlurmTest runs the real thing.)
 */
class SlurmExecutorTest {
    @TempDir
    Path dir;
    Path sweep;
    Path fakeSqueueOut;
    SlurmClient client;

    @BeforeEach
    void fakeSlurm() throws IOException {
        sweep = dir.resolve("sweep");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sbatch = bin.resolve("sbatch");
        Files.writeString(sbatch, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("sbatch.calls") + "\n"
                + "n=$(wc -l < " + dir.resolve("sbatch.calls") + ")\n"
                + "if grep -q 'refuse' \"$2\"; then echo 'sbatch: error: Invalid generic resource (gres) "
                + "specification' >&2; exit 1; fi\necho $((40 + n))\n");
        fakeSqueueOut = dir.resolve("squeue.out");
        Files.writeString(fakeSqueueOut, "");
        Path squeue = bin.resolve("squeue");
        Files.writeString(squeue, "#!/bin/sh\ncat " + fakeSqueueOut + "\n");
        sbatch.toFile().setExecutable(true);
        squeue.toFile().setExecutable(true);
        client = new SlurmClient(sbatch.toString(), squeue.toString());
    }

    private SweepManifest manifest(String device) {
        SweepSpec spec = Specs.read(dir, "s.json", "{ \"base\": { \"name\": \"t\", \"device\": \"" + device + "\" },"
                + " \"axes\": [ { \"grid\": { \"training.optimizer.lr\": [0.1, 0.2, 0.3, 0.4] } } ] }");
        SweepManifest m = SweepManifest.of(spec, SweepExpander.expand(spec), SweepManifest.readIfPresent(sweep));
        try {
            Files.createDirectories(sweep);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        m.write(sweep);
        return m;
    }

    private SlurmExecutor executor(SlurmSettings settings, String template) {
        return new SlurmExecutor(sweep, settings, client, new ChildJvm(List.of("java", "Main")), template,
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void submitsOneArrayOfTheRunsThatAreNeitherCompleteNorQueued() throws IOException {
        SweepManifest m = manifest("cpu");
        SlurmExecutor.Submission first = executor(SlurmSettings.DEFAULTS.withMaxConcurrent(2),
                SlurmScript.template(null)).submit(m);
        assertEquals("41", first.jobId());
        assertEquals(List.of(new SlurmJob("41", "0-3%2", "slurm/array-1.sbatch",
                first.manifest().slurmJobs().get(0).submitted())), first.manifest().slurmJobs());
        String script = Files.readString(sweep.resolve("slurm/array-1.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0-3%2\n"));
        assertTrue(!script.contains("--gres"), "a CPU config asks for no GPU");
        assertTrue(Files.readString(dir.resolve("sbatch.calls")).contains("--parsable"));
        assertTrue(SweepManifest.read(sweep).runs().stream().allMatch(r -> r.status().equals("submitted")));

        // run 0 finished, run 2 is still pending in job 41: only 1 and 3 are submitted again
        Files.createDirectories(sweep.resolve(m.runs().get(0).id()));
        Files.writeString(sweep.resolve(m.runs().get(0).id()).resolve("metrics.json"), "{}");
        Files.writeString(fakeSqueueOut, "41_2 PENDING\n");
        SlurmExecutor.Submission second = executor(SlurmSettings.DEFAULTS, SlurmScript.template(null))
                .submit(manifest("cpu"));
        assertEquals("42", second.jobId());
        assertEquals("1,3", second.manifest().slurmJobs().get(1).array());
        assertEquals(RunOutcome.Kind.SKIPPED, second.outcomes().get(0).kind());
        assertEquals(RunOutcome.Kind.NOT_RUN, second.outcomes().get(2).kind());
        assertTrue(second.outcomes().get(2).reason().contains("41 PENDING"));

        // everything complete or queued: nothing is submitted
        Files.writeString(fakeSqueueOut, "41_2 RUNNING\n42_[1,3] PENDING\n");
        SlurmExecutor.Submission third = executor(SlurmSettings.DEFAULTS, SlurmScript.template(null))
                .submit(manifest("cpu"));
        assertNull(third.jobId());
        assertEquals(2, Files.readAllLines(dir.resolve("sbatch.calls")).size());
    }

    @Test
    void aGpuConfigAsksForAGpuAndARefusalIsOneLine() throws IOException {
        executor(SlurmSettings.DEFAULTS, SlurmScript.template(null)).submit(manifest("gpu"));
        assertTrue(Files.readString(sweep.resolve("slurm/array-1.sbatch")).contains("#SBATCH --gres=gpu:1\n"));
        Path template = Files.writeString(dir.resolve("refusing.sbatch"), "#!/bin/bash\n# refuse\n#SBATCH --array={{ARRAY}}\n");
        UserError e = assertThrows(UserError.class, () -> executor(SlurmSettings.DEFAULTS.withGpus(0),
                SlurmScript.template(template)).submit(manifest("gpu")));
        assertTrue(e.getMessage().contains("Invalid generic resource"), e.getMessage());
    }

    @Test
    void withoutSbatchTheExecutorSaysHowToGetSlurm() {
        SlurmExecutor executor = new SlurmExecutor(sweep, SlurmSettings.DEFAULTS,
                new SlurmClient(dir.resolve("none/sbatch").toString(), "squeue"), new ChildJvm(List.of("java")),
                SlurmScript.template(null), new PrintStream(new ByteArrayOutputStream()));
        UserError e = assertThrows(UserError.class, () -> executor.submit(manifest("cpu")));
        assertTrue(e.getMessage().contains("local-cluster.sh"), e.getMessage());
    }
}
