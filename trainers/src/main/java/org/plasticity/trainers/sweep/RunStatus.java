package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the process that runs a sweep's run says about it, in {@code <run dir>/sweep-status.json}: written when it
 * starts (running) and when it ends (completed, stopped or failed, with the exit code and the one-line reason).
 *
 * @param state    {@code running}, {@code completed}, {@code stopped} or {@code failed}
 * @param exitCode the run's exit code, or null while it runs
 * @param reason   the error line the run printed (failed runs), or null
 * @param host     the machine it ran on
 * @param pid      the process id that ran it
 * @param jobId    the Slurm job and array task ({@code 12_3}), or null outside Slurm
 * @param updated  when this was written (ISO-8601)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(String state, Integer exitCode, String reason, String host, long pid, String jobId,
        String updated) {

    /** The file's name inside the run directory. */
    public static final String FILE = "sweep-status.json";

    /** A status of this process, stamped now. */
    public static RunStatus now(RunState state, Integer exitCode, String reason) {
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        String jobId = job != null && task != null ? job + "_" + task : System.getenv("SLURM_JOB_ID");
        return new RunStatus(state.label(), exitCode, reason, Hosts.name(), ProcessHandle.current().pid(), jobId,
                Instant.now().toString());
    }
}
