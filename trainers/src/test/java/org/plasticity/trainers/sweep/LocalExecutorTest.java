package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local executor's scheduling with stand-in run processes (shell commands, no training): at most N at once, each
 * with its thread share; a failing run is reported with its error line while the others complete; complete runs are
 * skipped.
 */
class LocalExecutorTest {
    @TempDir
    Path dir;

    private SweepManifest manifest(int runs) {
        StringBuilder lrs = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            lrs.append(i == 0 ? "" : ", ").append(0.01 * (i + 1));
        }
        SweepSpec spec = Specs.read(dir, "s.json", "{ \"base\": { \"name\": \"t\" }, \"axes\": [ { \"grid\": "
                + "{ \"training.optimizer.lr\": [" + lrs + "] } } ] }");
        SweepManifest m = SweepManifest.of(spec, SweepExpander.expand(spec), Optional.empty());
        m.write(dir);
        return m;
    }

    /** Stands in for a run: sleeps, then writes metrics.json (or fails like a missing data file). */
    private final class FakeRuns implements LocalExecutor.Starter {
        final List<Process> started = new ArrayList<>();
        final List<Integer> threads = new ArrayList<>();
        final AtomicInteger maxAlive = new AtomicInteger();
        final int failing;

        FakeRuns(int failing) {
            this.failing = failing;
        }

        @Override
        public synchronized Process start(ManifestRun run, int t, Path log) throws IOException {
            long alive = started.stream().filter(Process::isAlive).count() + 1;
            maxAlive.accumulateAndGet((int) alive, Math::max);
            threads.add(t);
            Path runDir = Files.createDirectories(dir.resolve(run.id()));
            String script = run.index() == failing
                    ? "sleep 0.2; echo 'run starts'; echo 'error: " + runDir + "/data/mnist/train-images-idx3-ubyte: "
                            + "missing; fetch it with scripts/fetch-data.sh' >&2; exit 2"
                    : "sleep 0.4; echo '{}' > " + runDir.resolve("metrics.json") + "; exit 0";
            Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            started.add(p);
            return p;
        }
    }

    @Test
    void runsAtMostNAtOnceAndAFailureDoesNotStopTheOthers() {
        SweepManifest m = manifest(5);
        FakeRuns fake = new FakeRuns(1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepSummary summary = new LocalExecutor(dir, ThreadBudget.plan(4, 2, null), fake,
                new PrintStream(console, true)).run(m);
        assertEquals(5, fake.started.size());
        assertEquals(2, fake.maxAlive.get(), "two at a time, never more");
        assertTrue(fake.threads.stream().allMatch(t -> t == 2), "4 cores / 2 runs = 2 threads each: " + fake.threads);
        Map<RunOutcome.Kind, Integer> counts = summary.counts();
        assertEquals(4, counts.get(RunOutcome.Kind.COMPLETED));
        assertEquals(1, counts.get(RunOutcome.Kind.FAILED));
        RunOutcome failed = summary.runs().get(1);
        assertEquals(RunOutcome.Kind.FAILED, failed.kind());
        assertEquals(2, failed.exitCode());
        assertTrue(failed.reason().startsWith("error: ") && failed.reason().contains("train-images-idx3-ubyte"),
                failed.reason());
        assertEquals(SweepSummary.SOME_FAILED, summary.exitCode());
        assertTrue(summary.render().contains("failed"), summary.render());
        SweepManifest after = SweepManifest.read(dir);
        assertEquals("failed", after.runs().get(1).status());
        assertEquals("completed", after.runs().get(0).status());
    }

    @Test
    void completeRunsAreSkippedAndOnlyTheOthersStart() throws IOException {
        SweepManifest m = manifest(4);
        for (int i : new int[] {0, 2}) {
            Path runDir = Files.createDirectories(dir.resolve(m.runs().get(i).id()));
            Files.writeString(runDir.resolve("metrics.json"), "{}");
        }
        FakeRuns fake = new FakeRuns(-1);
        SweepSummary summary = new LocalExecutor(dir, ThreadBudget.plan(2, 1, null), fake,
                new PrintStream(new ByteArrayOutputStream())).run(m);
        assertEquals(2, fake.started.size(), "only the two missing runs start");
        assertEquals(2, summary.counts().get(RunOutcome.Kind.SKIPPED));
        assertEquals(2, summary.counts().get(RunOutcome.Kind.COMPLETED));
        assertEquals(0, summary.exitCode());
    }

    @Test
    void aStopStartsNoMoreRunsAndForwardsSigtermToTheRunningOnes() throws Exception {
        SweepManifest m = manifest(3);
        LocalExecutor.Starter slow = (run, threads, log) -> new ProcessBuilder("sh", "-c",
                "trap 'exit 75' TERM; sleep 30 & wait").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalExecutor executor = new LocalExecutor(dir, ThreadBudget.plan(2, 1, null), slow,
                new PrintStream(new ByteArrayOutputStream()));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            executor.requestStop(true);
        });
        stopper.start();
        long t0 = System.nanoTime();
        SweepSummary summary = executor.run(m);
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the running run was stopped, not waited for");
        assertEquals(RunOutcome.Kind.STOPPED, summary.runs().get(0).kind());
        assertEquals(75, summary.runs().get(0).exitCode());
        assertEquals(RunOutcome.Kind.NOT_RUN, summary.runs().get(1).kind());
        assertEquals(RunOutcome.Kind.NOT_RUN, summary.runs().get(2).kind());
        assertEquals(SweepSummary.STOPPED, summary.exitCode());
        assertFalse(summary.render().isEmpty());
    }
}
