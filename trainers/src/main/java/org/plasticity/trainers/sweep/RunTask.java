package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.trainers.RunInterrupted;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.config.ExperimentConfig;
import org.plasticity.trainers.config.ExperimentConfigs;
import org.plasticity.trainers.run.AtomicFiles;
import org.plasticity.trainers.run.RunDirectory;

/**
 * Runs one run of a sweep in this process, exactly as {@code plasticity run} or {@code plasticity resume} would:
 * skipped when its {@code metrics.json} exists, resumed when it has a checkpoint, started otherwise. It holds a lock
 * on the run folder while it works, so two processes never run the same run, and records its outcome in
 * {@code sweep-status.json} (the exit code and, for a failure, the one-line reason the run printed).
 */
public final class RunTask {

    /** Exit code when another process holds the run (it is busy): the same "not finished, try later" as a stop. */
    public static final int BUSY = RunInterrupted.EXIT_CODE;

    private static final String LOCK = ".sweep.lock";

    /** Executes a {@code plasticity} command line in this process. */
    @FunctionalInterface
    public interface Cli {
        /**
         * Runs the command.
         *
         * @param args the arguments after {@code plasticity}
         * @param err  where the command writes its error line
         * @return its exit code
         */
        int execute(List<String> args, PrintWriter err);
    }

    private final Path runDir;
    private final ManifestRun run;
    private final Integer threads;
    private final Cli cli;
    private final PrintStream console;

    /**
     * @param sweepDir the sweep's folder
     * @param run      the run
     * @param threads  the thread count to run with, or null for the config's
     * @param cli      runs {@code run}/{@code resume} in this process
     * @param console  where progress lines go
     */
    public RunTask(Path sweepDir, ManifestRun run, Integer threads, Cli cli, PrintStream console) {
        this.runDir = sweepDir.resolve(run.id()).toAbsolutePath().normalize();
        this.run = run;
        this.threads = threads;
        this.cli = cli;
        this.console = console;
    }

    /**
     * Runs the run.
     *
     * @return the run's exit code: 0 done (or already done), 75 stopped with a checkpoint (or busy elsewhere), else
     *     the run's error code
     */
    public int call() {
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UserError("cannot create the run folder " + runDir + ": " + e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(runDir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                console.printf("run %d (%s) is being run by another process; leaving it%n", run.index(), run.id());
                return BUSY;
            }
            return locked();
        } catch (IOException e) {
            throw new UserError("cannot lock the run folder " + runDir + ": " + e.getMessage());
        }
    }

    private int locked() {
        if (Files.isRegularFile(runDir.resolve(RunDirectory.METRICS))) {
            console.printf("run %d (%s) is already complete%n", run.index(), run.id());
            return 0;
        }
        String config = configForThisRun();
        Path configFile = runDir.resolve(RunDirectory.CONFIG);
        boolean resume = RunInspector.hasCheckpoint(runDir);
        try {
            if (Files.isRegularFile(configFile)) {
                String existing = Files.readString(configFile);
                if (!RunIds.of(existing).equals(run.id())) {
                    throw new UserError(runDir + " holds a run of another config (its id is " + RunIds.of(existing)
                            + "); move it away");
                }
                if (!existing.strip().equals(config.strip())) {
                    console.printf("run %d (%s): thread count or progress setting changed since it started; "
                            + "using %s now%n", run.index(), run.id(), threads == null ? "the config's" : threads);
                    AtomicFiles.writeString(configFile, config);
                }
            } else {
                AtomicFiles.writeString(configFile, config);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + configFile + ": " + e.getMessage());
        }
        SweepJson.write(runDir.resolve(RunStatus.FILE), RunStatus.now(RunState.RUNNING, null, null));
        List<String> args = resume ? List.of("resume", runDir.toString())
                : List.of("run", configFile.toString(), "--out", runDir.toString());
        console.printf("run %d (%s) %s: %s%n", run.index(), run.id(), resume ? "resumes" : "starts", run.label());
        console.flush();
        ErrorLine err = new ErrorLine(System.err);
        int code;
        try (PrintWriter writer = new PrintWriter(err, true)) {
            code = cli.execute(args, writer);
        }
        boolean done = code == 0 && Files.isRegularFile(runDir.resolve(RunDirectory.METRICS));
        RunState state = done ? RunState.COMPLETED : code == RunInterrupted.EXIT_CODE ? RunState.STOPPED : RunState.FAILED;
        String reason = state == RunState.FAILED
                ? (err.line() != null ? err.line() : "exit code " + code)
                : state == RunState.STOPPED ? "stopped on request with a checkpoint" : null;
        if (state == RunState.FAILED && code == 0) {
            reason = "exited 0 without writing " + RunDirectory.METRICS;
            code = 1;
        }
        SweepJson.write(runDir.resolve(RunStatus.FILE), RunStatus.now(state, code, reason));
        return code;
    }

    /** The run's resolved config with this process' thread count and without progress bars (logs are files). */
    private String configForThisRun() {
        List<String> overrides = new ArrayList<>();
        if (threads != null) {
            overrides.add("threads=" + threads);
        }
        overrides.add("output.progress=false");
        ExperimentConfig config = ExperimentConfigs.parse(run.config().toString(),
                "sweep.json run " + run.index() + " (" + run.id() + ")", overrides);
        String json = ExperimentConfigs.toJson(config);
        if (!RunIds.of(json).equals(run.id())) {
            throw new UserError("sweep.json run " + run.index() + ": its config no longer hashes to " + run.id()
                    + " (the config format changed?); expand the sweep again with plasticity sweep SPEC");
        }
        return json;
    }

    /** Passes text through and keeps the first error line ({@code error: ...} or {@code internal error: ...}). */
    private static final class ErrorLine extends Writer {
        private final PrintStream through;
        private final StringBuilder current = new StringBuilder();
        private String line;

        ErrorLine(PrintStream through) {
            this.through = through;
        }

        String line() {
            return line;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            through.print(new String(buf, off, len));
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    String text = current.toString().strip();
                    if (line == null && (text.startsWith("error:") || text.startsWith("internal error:"))) {
                        line = text;
                    }
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
        }

        @Override
        public void flush() {
            through.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
