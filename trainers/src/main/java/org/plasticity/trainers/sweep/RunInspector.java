package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.plasticity.trainers.run.RunDirectory;

/**
 * Tells a run's state from its folder alone: {@code metrics.json} (completed), the status its process wrote
 * ({@code sweep-status.json}), checkpoints, a config. Works the same on a laptop and on a cluster's shared disk.
 */
public final class RunInspector {

    private RunInspector() {
    }

    /**
     * What a run folder says.
     *
     * @param state  the state
     * @param reason why it failed or stopped, or null
     */
    public record Observation(RunState state, String reason) {
    }

    /**
     * Inspects a run folder.
     *
     * @param dir the run's folder (it need not exist)
     * @return its state: completed, failed (with the reason), running, stopped (started, not finished, not running)
     *     or pending (never started)
     */
    public static Observation inspect(Path dir) {
        if (Files.isRegularFile(dir.resolve(RunDirectory.METRICS))) {
            return new Observation(RunState.COMPLETED, null);
        }
        Path statusFile = dir.resolve(RunStatus.FILE);
        if (Files.isRegularFile(statusFile)) {
            RunStatus status;
            try {
                status = SweepJson.read(statusFile, RunStatus.class);
            } catch (RuntimeException unreadable) {
                status = null;
            }
            if (status != null) {
                switch (status.state()) {
                    case "failed":
                        return new Observation(RunState.FAILED, status.reason());
                    case "running":
                        if (runsHere(status)) {
                            return new Observation(RunState.RUNNING, null);
                        }
                        if (status.host() != null && !status.host().equals(Hosts.name())) {
                            return new Observation(RunState.RUNNING, "on " + status.host() + " (pid " + status.pid()
                                    + "), or killed there");
                        }
                        return new Observation(RunState.STOPPED, "its process " + status.pid() + " is gone");
                    default:
                        break;
                }
            }
        }
        if (hasCheckpoint(dir)) {
            return new Observation(RunState.STOPPED, "checkpoint kept; resumes when the sweep runs again");
        }
        if (Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            return new Observation(RunState.STOPPED, "started, no checkpoint yet; restarts when the sweep runs again");
        }
        return new Observation(RunState.PENDING, null);
    }

    /** Whether a run folder holds at least one checkpoint file. */
    public static boolean hasCheckpoint(Path dir) {
        Path checkpoints = dir.resolve(RunDirectory.CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".ckpt"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean runsHere(RunStatus status) {
        return Hosts.name().equals(status.host())
                && ProcessHandle.of(status.pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
