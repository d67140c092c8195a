package org.plasticity.trainers.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.sweep.ChildJvm;
import org.plasticity.trainers.sweep.JvmStarter;
import org.plasticity.trainers.sweep.LocalExecutor;
import org.plasticity.trainers.sweep.ManifestRun;
import org.plasticity.trainers.sweep.RunInspector;
import org.plasticity.trainers.sweep.SlurmClient;
import org.plasticity.trainers.sweep.SlurmExecutor;
import org.plasticity.trainers.sweep.SlurmScript;
import org.plasticity.trainers.sweep.SlurmSettings;
import org.plasticity.trainers.sweep.SweepExpander;
import org.plasticity.trainers.sweep.SweepLock;
import org.plasticity.trainers.sweep.SweepManifest;
import org.plasticity.trainers.sweep.SweepSpec;
import org.plasticity.trainers.sweep.SweepSpecReader;
import org.plasticity.trainers.sweep.SweepSummary;
import org.plasticity.trainers.sweep.ThreadBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/**
 * {@code plasticity sweep SPEC}: expands a sweep spec into runs and runs them, here ({@code --executor local}) or as
 * a Slurm array job ({@code --executor slurm}); complete runs are skipped, stopped ones resumed. Exit code 0 when
 * every run is complete (or submitted), 4 when a run failed (the others ran), 75 when the sweep was stopped first.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Expand a sweep spec (base config, axes, seeds) into runs and run them: locally, N processes at "
                + "a time, or as one Slurm array job. Complete runs are skipped, stopped runs resume.",
                "Exit codes: 0 every run complete (or submitted), 2 a user error, 4 a run failed (the others ran), "
                        + "75 stopped before every run finished (run the same command again to go on)."},
        subcommands = {SweepStatusCommand.class, SweepRunIndexCommand.class})
public final class SweepCommand implements Callable<Integer> {

    /** Where runs execute. */
    enum Executor { local, slurm }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The sweep spec (JSON).")
    Path spec;

    @Option(names = "--dry-run", description = "Print the expanded runs (index, id, state, settings) and stop.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder (default: the spec's \"out\", else "
            + "runs/sweeps/<name>).")
    Path out;

    @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm",
            description = "local: processes on this machine; slurm: one sbatch array job (default ${DEFAULT-VALUE}).")
    Executor executor;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
            description = "local: runs at once (default ${DEFAULT-VALUE}); each gets max(1, cores / N) threads.")
    int parallel;

    @Option(names = "--cores", paramLabel = "N", description = "local: cores to share out (default: all of them).")
    Integer cores;

    @Option(names = "--threads", paramLabel = "N",
            description = "local: threads per run, instead of cores / parallel (allows --parallel above the cores).")
    Integer threads;

    @Option(names = "--partition", description = "slurm: partition (default: the spec's, else the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "slurm: time limit per run.")
    String time;

    @Option(names = "--mem", description = "slurm: memory per run, e.g. 4G.")
    String mem;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "slurm: CPUs per run, also its thread count.")
    Integer cpusPerTask;

    @Option(names = "--gpus", paramLabel = "N",
            description = "slurm: GPUs per run (--gres=gpu:N; default: 1 when the config's device is gpu, else 0).")
    Integer gpus;

    @Option(names = "--max-concurrent", paramLabel = "K", description = "slurm: array throttle %%K.")
    Integer maxConcurrent;

    @Option(names = "--signal-seconds", paramLabel = "S",
            description = "slurm: SIGTERM S seconds before the time limit, so the run checkpoints (default 120).")
    Integer signalSeconds;

    @Option(names = "--requeue", description = "slurm: requeue a run stopped by SIGTERM (time limit, preemption); "
            + "it resumes from its checkpoint.")
    boolean requeue;

    @Option(names = "--template", paramLabel = "FILE",
            description = "slurm: batch script template (default: the built-in scripts/slurm/array.sbatch).")
    Path template;

    @Option(names = "--wait", description = "slurm: wait until the array job has left the queue, then summarise.")
    boolean await;

    @Option(names = "--poll-seconds", defaultValue = "5", paramLabel = "S",
            description = "slurm --wait: seconds between squeue calls (default ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Override
    public Integer call() {
        if (spec == null) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "a sweep spec is required (or a subcommand: status, run-index)");
        }
        PrintStream console = System.out;
        SweepSpec s = SweepSpecReader.read(spec);
        SweepExpander.Expansion expansion = SweepExpander.expand(s);
        Path dir = (out != null ? out : s.outDir()).toAbsolutePath().normalize();
        SweepManifest manifest = SweepManifest.of(s, expansion, SweepManifest.readIfPresent(dir));
        if (dryRun) {
            console.print(dryRunTable(manifest, dir, expansion.duplicates()));
            return 0;
        }
        // every option is checked before anything is written
        ThreadBudget budget = executor == Executor.local ? ThreadBudget.plan(cores, parallel, threads) : null;
        SlurmSettings settings = executor == Executor.slurm ? slurmSettings(s) : null;
        String slurmTemplate = executor == Executor.slurm ? SlurmScript.template(template) : null;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the sweep folder " + dir + ": " + e.getMessage() + "; choose another "
                    + "with --out");
        }
        SweepSummary summary;
        try (SweepLock lock = SweepLock.acquire(dir)) {
            manifest.write(dir);
            summary = budget != null ? local(manifest, dir, budget, console)
                    : slurm(manifest, dir, settings, slurmTemplate, console);
        }
        summary.write(dir);
        console.print(summary.render());
        console.println("summary: " + dir.resolve("summary.txt") + "; report: plasticity report " + dir);
        return summary.exitCode();
    }

    private SweepSummary local(SweepManifest manifest, Path dir, ThreadBudget budget, PrintStream console) {
        LocalExecutor local = new LocalExecutor(dir, budget,
                new JvmStarter(ChildJvm.current(), SweepManifest.file(dir)), console);
        AtomicInteger interrupts = new AtomicInteger();
        Signal.handle(new Signal("TERM"), sig -> {
            System.err.println("plasticity sweep: SIGTERM; stopping the running runs (they write a checkpoint)");
            local.requestStop(true);
        });
        Signal.handle(new Signal("INT"), sig -> {
            // Ctrl-C reaches the runs too (same process group): they checkpoint; a second one is forwarded.
            boolean again = interrupts.incrementAndGet() > 1;
            System.err.println("plasticity sweep: SIGINT; starting no more runs"
                    + (again ? " and stopping the running ones" : " (again to stop the running ones)"));
            local.requestStop(again);
        });
        return local.run(manifest);
    }

    private SweepSummary slurm(SweepManifest manifest, Path dir, SlurmSettings settings, String slurmTemplate,
            PrintStream console) {
        SlurmExecutor slurm = new SlurmExecutor(dir, settings, SlurmClient.fromPath(), ChildJvm.current(),
                slurmTemplate, console);
        SlurmExecutor.Submission submission = slurm.submit(manifest);
        return await ? slurm.await(submission, Duration.ofSeconds(Math.max(1, pollSeconds))) : submission.summary();
    }

    private SlurmSettings slurmSettings(SweepSpec s) {
        if (threads != null || cores != null || parallel != 1) {
            throw new UserError("--parallel, --cores and --threads are for --executor local; with slurm use "
                    + "--cpus-per-task and --max-concurrent");
        }
        SlurmSettings settings = s.slurm();
        if (partition != null) {
            settings = settings.withPartition(partition);
        }
        if (time != null) {
            settings = settings.withTime(time);
        }
        if (mem != null) {
            settings = settings.withMem(mem);
        }
        if (cpusPerTask != null) {
            settings = settings.withCpusPerTask(positive(cpusPerTask, "--cpus-per-task"));
        }
        if (gpus != null) {
            if (gpus < 0) {
                throw new UserError("--gpus must be >= 0, got " + gpus);
            }
            settings = settings.withGpus(gpus);
        }
        if (maxConcurrent != null) {
            settings = settings.withMaxConcurrent(positive(maxConcurrent, "--max-concurrent"));
        }
        if (signalSeconds != null) {
            if (signalSeconds < 0) {
                throw new UserError("--signal-seconds must be >= 0, got " + signalSeconds);
            }
            settings = settings.withSignalSeconds(signalSeconds);
        }
        if (requeue) {
            settings = settings.withRequeue(true);
        }
        return settings;
    }

    private static int positive(int value, String option) {
        if (value < 1) {
            throw new UserError(option + " must be at least 1, got " + value);
        }
        return value;
    }

    private static String dryRunTable(SweepManifest manifest, Path dir, int duplicates) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("sweep %s: %d runs%s -> %s%n", manifest.name(), manifest.runs().size(),
                duplicates > 0 ? " (" + duplicates + " duplicate points dropped)" : "", dir));
        sb.append(String.format("  %5s  %-12s  %-9s  %s%n", "index", "id", "state", "settings"));
        for (ManifestRun r : manifest.runs()) {
            sb.append(String.format("  %5d  %-12s  %-9s  %s%n", r.index(), r.id(),
                    RunInspector.inspect(dir.resolve(r.id())).state().label(), r.label()));
        }
        return sb.toString();
    }

    /** The manifest a path names: a sweep folder, its {@code sweep.json}, or a spec (whose folder is used). */
    static SweepManifest.Located locate(Path path, Path outOverride) {
        if (Files.isDirectory(path)) {
            return new SweepManifest.Located(path.toAbsolutePath().normalize(), SweepManifest.read(path));
        }
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such sweep spec, sweep folder or sweep.json");
        }
        if (path.getFileName().toString().equals(SweepManifest.FILE)) {
            Path dir = path.toAbsolutePath().normalize().getParent();
            return new SweepManifest.Located(dir, SweepManifest.read(path));
        }
        SweepSpec s = SweepSpecReader.read(path);
        Path dir = (outOverride != null ? outOverride : s.outDir()).toAbsolutePath().normalize();
        Optional<SweepManifest> m = SweepManifest.readIfPresent(dir);
        if (m.isEmpty()) {
            throw new UserError(dir + ": the sweep " + s.name() + " has not been started (no " + SweepManifest.FILE
                    + "); start it with plasticity sweep " + path);
        }
        return new SweepManifest.Located(dir, m.get());
    }
}
