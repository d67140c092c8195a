package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.run.AtomicFiles;

/**
 * Runs a sweep on Slurm: writes one array job script ({@link SlurmScript}) whose task I runs run I, and submits it
 * with {@code sbatch}. Runs that are complete, or still in the queue from an earlier submission, are not submitted
 * again. Optionally waits until the array has left the queue and summarises what the run folders say.
 */
public final class SlurmExecutor {

    /**
     * What one submission did.
     *
     * @param manifest the manifest after it (written)
     * @param jobId    the array job's id, or null when nothing needed submitting
     * @param outcomes every run: submitted, skipped (complete) or not run (already queued)
     */
    public record Submission(SweepManifest manifest, String jobId, List<RunOutcome> outcomes) {
        public Submission {
            outcomes = List.copyOf(outcomes);
        }

        /** The summary of the submission itself. */
        public SweepSummary summary() {
            return new SweepSummary(manifest.name(), "slurm", outcomes);
        }
    }

    private final Path sweepDir;
    private final SlurmSettings settings;
    private final SlurmClient client;
    private final ChildJvm jvm;
    private final String template;
    private final PrintStream out;

    /**
     * @param sweepDir the sweep's folder (absolute paths are written into the script)
     * @param settings what each task asks for
     * @param client   the Slurm commands
     * @param jvm      the CLI's command line for the tasks
     * @param template the batch script template ({@link SlurmScript#template})
     * @param out      where progress lines go
     */
    public SlurmExecutor(Path sweepDir, SlurmSettings settings, SlurmClient client, ChildJvm jvm, String template,
            PrintStream out) {
        this.sweepDir = sweepDir.toAbsolutePath().normalize();
        this.settings = settings;
        this.client = client;
        this.jvm = jvm;
        this.template = template;
        this.out = out;
    }

    /**
     * Submits the runs that are neither complete nor queued.
     *
     * @param manifest the sweep's manifest
     * @return what was submitted
     */
    public Submission submit(SweepManifest manifest) {
        Map<Integer, String> queued = new TreeMap<>();
        for (SlurmJob job : manifest.slurmJobs()) {
            client.queuedTasks(job.jobId()).forEach((index, state) -> queued.put(index, job.jobId() + " " + state));
        }
        List<ManifestRun> toSubmit = new ArrayList<>();
        Map<Integer, RunOutcome> outcomes = new TreeMap<>();
        for (ManifestRun r : manifest.runs()) {
            RunInspector.Observation seen = RunInspector.inspect(sweepDir.resolve(r.id()));
            if (seen.state() == RunState.COMPLETED) {
                outcomes.put(r.index(), outcome(r, RunOutcome.Kind.SKIPPED, null));
                manifest = manifest.with(r.with(RunState.COMPLETED, null));
            } else if (queued.containsKey(r.index())) {
                outcomes.put(r.index(), outcome(r, RunOutcome.Kind.NOT_RUN, "already queued: job "
                        + queued.get(r.index())));
            } else if (seen.state() == RunState.RUNNING && seen.reason() == null) {
                outcomes.put(r.index(), outcome(r, RunOutcome.Kind.NOT_RUN, "a process on this machine runs it"));
            } else {
                toSubmit.add(r);
            }
        }
        if (toSubmit.isEmpty()) {
            manifest.write(sweepDir);
            out.printf("sweep %s: nothing to submit (%d runs: %d complete, %d queued or running)%n", manifest.name(),
                    manifest.runs().size(), count(outcomes, RunOutcome.Kind.SKIPPED),
                    count(outcomes, RunOutcome.Kind.NOT_RUN));
            return new Submission(manifest, null, new ArrayList<>(outcomes.values()));
        }
        int gpus = settings.gpus() != null ? settings.gpus()
                : toSubmit.stream().anyMatch(r -> r.config().path("device").asText().startsWith("gpu")) ? 1 : 0;
        String array = ArrayRanges.format(toSubmit.stream().map(ManifestRun::index).toList())
                + (settings.maxConcurrent() != null ? "%" + settings.maxConcurrent() : "");
        Path logDir = sweepDir.resolve("logs");
        Path scriptFile = sweepDir.resolve("slurm").resolve("array-" + (manifest.slurmJobs().size() + 1) + ".sbatch");
        SlurmScript script = new SlurmScript(jobName(manifest.name()), array, logDir,
                Path.of("").toAbsolutePath(), settings, gpus, jvm.command(), SweepManifest.file(sweepDir));
        try {
            Files.createDirectories(logDir);
            AtomicFiles.writeString(scriptFile, script.render(template));
            scriptFile.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UserError("cannot write " + scriptFile + ": " + e.getMessage());
        }
        for (ManifestRun r : toSubmit) {
            manifest = manifest.with(r.with(RunState.SUBMITTED, null));
        }
        manifest.write(sweepDir); // before sbatch: a task that starts at once must find its run
        String jobId = client.submit(scriptFile);
        manifest = manifest.with(new SlurmJob(jobId, array, sweepDir.relativize(scriptFile).toString(),
                Instant.now().toString()));
        manifest.write(sweepDir);
        for (ManifestRun r : toSubmit) {
            outcomes.put(r.index(), outcome(r, RunOutcome.Kind.SUBMITTED, "job " + jobId + "_" + r.index()));
        }
        out.printf("sweep %s: submitted array job %s (--array=%s%s) with %d run(s); %d already complete, "
                        + "%d already queued; script %s%n", manifest.name(), jobId, array,
                gpus > 0 ? ", --gres=gpu:" + gpus : "", toSubmit.size(), count(outcomes, RunOutcome.Kind.SKIPPED),
                count(outcomes, RunOutcome.Kind.NOT_RUN), scriptFile);
        out.flush();
        return new Submission(manifest, jobId, new ArrayList<>(outcomes.values()));
    }

    /**
     * Waits until the submitted array has left the queue, then tells each submitted run's outcome from its folder.
     *
     * @param submission what {@link #submit} returned
     * @param poll       time between {@code squeue} calls
     * @return the summary: submitted runs become completed, failed or stopped
     */
    public SweepSummary await(Submission submission, Duration poll) {
        SweepManifest manifest = submission.manifest();
        if (submission.jobId() == null) {
            return submission.summary();
        }
        String last = "";
        while (true) {
            Map<Integer, String> tasks = client.queuedTasks(submission.jobId());
            if (tasks.isEmpty()) {
                break;
            }
            String now = tasks.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new,
                    Collectors.counting())).toString();
            if (!now.equals(last)) {
                out.printf("  job %s: %s%n", submission.jobId(), now);
                out.flush();
                last = now;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunOutcome o : submission.outcomes()) {
            if (o.kind() != RunOutcome.Kind.SUBMITTED) {
                outcomes.add(o);
                continue;
            }
            ManifestRun r = manifest.run(o.index()).orElseThrow();
            RunInspector.Observation seen = RunInspector.inspect(sweepDir.resolve(r.id()));
            Path log = sweepDir.resolve("logs").resolve("slurm-" + submission.jobId() + "_" + r.index() + ".out");
            RunOutcome done = switch (seen.state()) {
                case COMPLETED -> outcome(r, RunOutcome.Kind.COMPLETED, null);
                case FAILED -> outcome(r, RunOutcome.Kind.FAILED, seen.reason());
                case STOPPED -> outcome(r, RunOutcome.Kind.STOPPED, seen.reason());
                default -> outcome(r, RunOutcome.Kind.FAILED, failedEarly(log));
            };
            outcomes.add(done);
            RunState state = switch (done.kind()) {
                case COMPLETED -> RunState.COMPLETED;
                case STOPPED -> RunState.STOPPED;
                default -> RunState.FAILED;
            };
            manifest = manifest.with(r.with(state, done.reason()));
        }
        manifest.write(sweepDir);
        return new SweepSummary(manifest.name(), "slurm", outcomes);
    }

    private String failedEarly(Path log) {
        String line = LogLines.lastError(log);
        if (line != null) {
            return line;
        }
        return "the task ended before the run started; see " + sweepDir.relativize(log);
    }

    private static RunOutcome outcome(ManifestRun r, RunOutcome.Kind kind, String reason) {
        return new RunOutcome(r.index(), r.id(), r.label(), kind, null, reason, 0);
    }

    private static long count(Map<Integer, RunOutcome> outcomes, RunOutcome.Kind kind) {
        return outcomes.values().stream().filter(o -> o.kind() == kind).count();
    }

    private static String jobName(String sweepName) {
        return "plasticity-" + sweepName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
