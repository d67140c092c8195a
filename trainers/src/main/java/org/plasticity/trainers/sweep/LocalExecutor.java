package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.run.RunDirectory;

/**
 * Runs a sweep on this machine: at most {@code parallel} run processes at once, each with its share of the cores
 * ({@link ThreadBudget}). Runs whose {@code metrics.json} exists are skipped; the others start (or resume, inside
 * the run process). A failing run is recorded with its one-line reason and the sweep goes on. Each run's console
 * output goes to {@code logs/<id>.out}; the manifest is rewritten as runs start and end.
 */
public final class LocalExecutor {

    /** Starts the process of one run. */
    @FunctionalInterface
    public interface Starter {
        /**
         * Starts a run's process.
         *
         * @param run     the run
         * @param threads its thread count
         * @param log     where its output goes (appended)
         * @return the started process
         * @throws IOException when it cannot be started
         */
        Process start(ManifestRun run, int threads, Path log) throws IOException;
    }

    private record Finished(ManifestRun run, int exitCode, long startNanos, long endNanos) {
    }

    private final Path sweepDir;
    private final ThreadBudget budget;
    private final Starter starter;
    private final PrintStream out;
    private final Map<Integer, Process> running = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;

    /**
     * @param sweepDir the sweep's folder (holds the manifest)
     * @param budget   parallelism and threads per run
     * @param starter  starts one run's process
     * @param out      where progress lines go
     */
    public LocalExecutor(Path sweepDir, ThreadBudget budget, Starter starter, PrintStream out) {
        this.sweepDir = sweepDir;
        this.budget = budget;
        this.starter = starter;
        this.out = out;
    }

    /**
     * Starts no further run; with {@code forward}, also sends SIGTERM to the running ones (they write a checkpoint
     * and exit 75). Safe to call from a signal handler.
     */
    public void requestStop(boolean forward) {
        stopRequested = true;
        if (forward) {
            running.values().forEach(Process::destroy);
        }
    }

    /**
     * Runs every run of the manifest that is not complete.
     *
     * @param manifest the sweep's manifest (already written to the sweep folder)
     * @return what happened to every run
     */
    public SweepSummary run(SweepManifest manifest) {
        Map<Integer, RunOutcome> outcomes = new TreeMap<>();
        List<ManifestRun> queue = new ArrayList<>();
        for (ManifestRun r : manifest.runs()) {
            if (RunInspector.inspect(sweepDir.resolve(r.id())).state() == RunState.COMPLETED) {
                outcomes.put(r.index(), new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.SKIPPED, null,
                        null, 0));
                manifest = manifest.with(r.with(RunState.COMPLETED, null));
            } else {
                queue.add(r);
            }
        }
        manifest.write(sweepDir);
        out.printf("sweep %s: %d runs, %d already complete; running %d, %d at a time with %d thread(s) each "
                        + "(%d cores)%n", manifest.name(), manifest.runs().size(), outcomes.size(), queue.size(),
                budget.parallel(), budget.threads(), budget.cores());
        out.flush();
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        Iterator<ManifestRun> next = queue.iterator();
        int active = 0;
        int done = 0;
        while (true) {
            while (!stopRequested && active < budget.parallel() && next.hasNext()) {
                ManifestRun r = next.next();
                Path log = sweepDir.resolve("logs").resolve(r.id() + ".out");
                Process process;
                long start = System.nanoTime();
                try {
                    Files.createDirectories(log.getParent());
                    process = starter.start(r, budget.threads(), log);
                } catch (IOException e) {
                    RunOutcome failed = new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.FAILED, null,
                            "cannot start its process: " + e.getMessage(), 0);
                    outcomes.put(r.index(), failed);
                    manifest = manifest.with(r.with(RunState.FAILED, failed.reason()));
                    manifest.write(sweepDir);
                    continue;
                }
                running.put(r.index(), process);
                if (stopRequested) {
                    process.destroy();
                }
                active++;
                manifest = manifest.with(r.with(RunState.RUNNING, null));
                manifest.write(sweepDir);
                out.printf("  started  run %d (%s) %s  [log %s]%n", r.index(), r.id(), r.label(),
                        sweepDir.relativize(log));
                out.flush();
                process.onExit().thenAccept(p -> finished.add(new Finished(r, p.exitValue(), start, System.nanoTime())));
            }
            if (active == 0) {
                break;
            }
            Finished f;
            try {
                f = finished.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop(true);
                continue;
            }
            active--;
            done++;
            running.remove(f.run().index());
            RunOutcome outcome = classify(f);
            outcomes.put(outcome.index(), outcome);
            RunState state = switch (outcome.kind()) {
                case COMPLETED -> RunState.COMPLETED;
                case FAILED -> RunState.FAILED;
                default -> RunState.STOPPED;
            };
            manifest = manifest.with(f.run().with(state, outcome.reason()));
            manifest.write(sweepDir);
            out.printf("  %-8s run %d (%s) after %.1f s [%d/%d]%s%n", outcome.kind().label(), outcome.index(),
                    outcome.id(), outcome.seconds(), done, queue.size(),
                    outcome.reason() != null ? ": " + outcome.reason() : "");
            out.flush();
        }
        while (next.hasNext()) {
            ManifestRun r = next.next();
            outcomes.put(r.index(), new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.NOT_RUN, null,
                    "the sweep was stopped first", 0));
        }
        return new SweepSummary(manifest.name(), "local", new ArrayList<>(outcomes.values()));
    }

    private RunOutcome classify(Finished f) {
        ManifestRun r = f.run();
        Path dir = sweepDir.resolve(r.id());
        double seconds = (f.endNanos() - f.startNanos()) / 1e9;
        int code = f.exitCode();
        if (code == 0 && Files.isRegularFile(dir.resolve(RunDirectory.METRICS))) {
            return new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.COMPLETED, 0, null, seconds);
        }
        if (code == RunInterrupted.EXIT_CODE) {
            return new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.STOPPED, code,
                    "stopped with a checkpoint; resumes when the sweep runs again", seconds);
        }
        return new RunOutcome(r.index(), r.id(), r.label(), RunOutcome.Kind.FAILED, code, reason(r, code), seconds);
    }

    /** The run's own error line (its status file, else its log), else what the exit code says. */
    private String reason(ManifestRun r, int code) {
        Path dir = sweepDir.resolve(r.id());
        Path statusFile = dir.resolve(RunStatus.FILE);
        if (Files.isRegularFile(statusFile)) {
            try {
                RunStatus status = SweepJson.read(statusFile, RunStatus.class);
                if ("failed".equals(status.state()) && status.reason() != null) {
                    return status.reason();
                }
            } catch (UserError unreadable) {
                // fall back to the log
            }
        }
        String line = LogLines.lastError(sweepDir.resolve("logs").resolve(r.id() + ".out"));
        if (line != null) {
            return line;
        }
        return code > 128 ? "killed by signal " + (code - 128) : "exit code " + code;
    }
}
