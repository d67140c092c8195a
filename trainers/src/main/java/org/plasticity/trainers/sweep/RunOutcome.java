package org.plasticity.trainers.sweep;

import java.util.Locale;

/**
 * What became of one run in one execution of a sweep.
 *
 * @param index    the run's index
 * @param id       the run's id
 * @param label    its settings in one line
 * @param kind     what happened
 * @param exitCode the exit code of its process, or null when none ran
 * @param reason   the one-line reason of a failure or stop, or null
 * @param seconds  wall seconds its process ran (0 when none ran)
 */
public record RunOutcome(int index, String id, String label, Kind kind, Integer exitCode, String reason,
        double seconds) {

    /** What happened to a run. */
    public enum Kind {
        /** Ran to the end now. */
        COMPLETED,
        /** Already complete before: not run again. */
        SKIPPED,
        /** Its process failed. */
        FAILED,
        /** Stopped on request with a checkpoint (exit 75): resumes when the sweep runs again. */
        STOPPED,
        /** Handed to Slurm (not waited for). */
        SUBMITTED,
        /** Not started: the sweep was stopped first, or another process holds it. */
        NOT_RUN;

        /** The lower-case name used in summaries. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
