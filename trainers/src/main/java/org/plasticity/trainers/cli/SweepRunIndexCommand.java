package org.plasticity.trainers.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.sweep.ManifestRun;
import org.plasticity.trainers.sweep.RunTask;
import org.plasticity.trainers.sweep.SweepManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/**
 * {@code plasticity sweep run-index}: runs one run of an expanded sweep in this process; what each Slurm array task
 * and each local executor process does. Exits with the run's code (75: stopped with a checkpoint).
 */
@Command(name = "run-index", mixinStandardHelpOptions = true,
        description = "Run run number INDEX of an expanded sweep in this process: skip it when complete, resume it "
                + "from its checkpoint, else start it. Each Slurm array task runs this.")
public final class SweepRunIndexCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "The sweep's sweep.json, or its folder.")
    Path manifestPath;

    @Option(names = "--index", required = true, paramLabel = "I", description = "The run's index.")
    int index;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the run (default: its config's).")
    Integer threads;

    @Option(names = "--requeue", description = "In a Slurm job: when the run stops with a checkpoint (exit 75), "
            + "requeue this array task with scontrol so that it resumes.")
    boolean requeue;

    @Option(names = "--watch-parent", paramLabel = "PID", hidden = true,
            description = "Stop the run with a checkpoint when process PID (the local sweep) is gone.")
    Long watchParent;

    @Override
    public Integer call() {
        Path dir = manifestPath.toAbsolutePath().normalize();
        SweepManifest manifest = SweepManifest.read(dir);
        Path sweepDir = dir.toFile().isDirectory() ? dir : dir.getParent();
        ManifestRun run = manifest.run(index).orElseThrow(() -> new UserError("the sweep " + manifest.name()
                + " has no run with index " + index + " (its indexes: 0-" + (manifest.runs().size() - 1)
                + " and any added later); was the spec changed after submission?"));
        if (threads != null && threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        if (watchParent != null) {
            watch(watchParent);
        }
        int code = new RunTask(sweepDir, run, threads, SweepRunIndexCommand::execute, System.out).call();
        if (code == RunInterrupted.EXIT_CODE && requeue) {
            requeueThisTask();
        }
        return code;
    }

    private static int execute(List<String> args, java.io.PrintWriter err) {
        CommandLine cli = PlasticityCli.commandLine();
        cli.setErr(err);
        return cli.execute(args.toArray(String[]::new));
    }

    /** When the sweep that started this process dies, stop the run the way SIGTERM does. */
    private static void watch(long parentPid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("plasticity: the sweep process " + parentPid + " is gone; stopping this run");
            Signal.raise(new Signal("TERM"));
        }, "watch-sweep");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void requeueThisTask() {
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        String id = job != null && task != null ? job + "_" + task : System.getenv("SLURM_JOB_ID");
        if (id == null) {
            System.err.println("plasticity: --requeue outside a Slurm job: nothing to requeue");
            return;
        }
        System.err.println("plasticity: requeueing Slurm job " + id + "; the run resumes from its checkpoint");
        System.err.flush();
        // scontrol requeue ends this task with SIGTERM: the run is already saved, so leave without further words
        Signal.handle(new Signal("TERM"), sig -> Runtime.getRuntime().halt(RunInterrupted.EXIT_CODE));
        try {
            Process p = new ProcessBuilder("scontrol", "requeue", id).inheritIO().start();
            p.waitFor();
        } catch (IOException e) {
            System.err.println("plasticity: cannot requeue " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
