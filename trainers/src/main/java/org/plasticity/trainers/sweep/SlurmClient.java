package org.plasticity.trainers.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.plasticity.trainers.UserError;

/**
 * Talks to Slurm through its commands ({@code sbatch}, {@code squeue}, {@code scontrol}), found on {@code PATH}
 * unless given. Uses only options that Slurm 22.05 has. The commands read {@code SLURM_CONF} from the environment.
 */
public final class SlurmClient {

    private final String sbatch;
    private final String squeue;

    /**
     * @param sbatch the {@code sbatch} command
     * @param squeue the {@code squeue} command
     */
    public SlurmClient(String sbatch, String squeue) {
        this.sbatch = sbatch;
        this.squeue = squeue;
    }

    /** The commands found on {@code PATH}. */
    public static SlurmClient fromPath() {
        return new SlurmClient("sbatch", "squeue");
    }

    /** Whether {@code squeue} can be run (an executable on {@code PATH}, or a path). */
    public boolean canQuery() {
        return executable(squeue);
    }

    /** Whether {@code sbatch} can be run. */
    public boolean canSubmit() {
        return executable(sbatch);
    }

    /**
     * Submits a batch script.
     *
     * @param script the script
     * @return the job id
     * @throws UserError when sbatch is missing or refuses the job (its message)
     */
    public String submit(Path script) {
        if (!canSubmit()) {
            throw new UserError("sbatch not found on PATH: the Slurm executor needs a Slurm client "
                    + "(on this machine: scripts/slurm/local-cluster.sh install && start)");
        }
        Result r = run(List.of(sbatch, "--parsable", script.toString()));
        if (r.code() != 0) {
            throw new UserError("sbatch refused " + script + ": " + firstLine(r.err().isBlank() ? r.out() : r.err()));
        }
        String out = r.out().strip();
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("[0-9]+")) {
            throw new UserError("sbatch printed no job id for " + script + ": " + firstLine(out));
        }
        return id;
    }

    /**
     * The array tasks of a job that are still in the queue (pending, running, completing...), by array index.
     *
     * @param jobId the array job
     * @return index → state, e.g. {@code PENDING}; empty when the job has left the queue or cannot be queried
     */
    public Map<Integer, String> queuedTasks(String jobId) {
        Map<Integer, String> tasks = new TreeMap<>();
        if (!canQuery()) {
            return tasks;
        }
        Result r = run(List.of(squeue, "-h", "-r", "-j", jobId, "-o", "%i %T"));
        if (r.code() != 0) {
            return tasks; // e.g. "Invalid job id specified": the job is long gone
        }
        for (String line : r.out().split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2 || !parts[0].startsWith(jobId + "_")) {
                continue;
            }
            try {
                for (int index : ArrayRanges.parse(parts[0].substring(jobId.length() + 1))) {
                    tasks.put(index, parts[1]);
                }
            } catch (NumberFormatException notAnArrayTask) {
                // a line of another shape: ignore it
            }
        }
        return tasks;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("plasticity-slurm", ".out");
            Path err = Files.createTempFile("plasticity-slurm", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new UserError(String.join(" ", command) + " did not answer in 120 s; is Slurm up?");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UserError("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running " + command.get(0));
        }
    }

    private static boolean executable(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        List<String> lines = new ArrayList<>(List.of(text.strip().split("\\R")));
        return lines.isEmpty() || lines.get(0).isBlank() ? "(no message)" : lines.get(0).strip();
    }
}
