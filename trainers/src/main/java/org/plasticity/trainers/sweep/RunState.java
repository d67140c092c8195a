package org.plasticity.trainers.sweep;

import java.util.Locale;

/** Where one run of a sweep stands, as the manifest, the run directories and the queue tell it. */
public enum RunState {
    /** Not started. */
    PENDING,
    /** In a Slurm array job that has not run it yet. */
    SUBMITTED,
    /** A process is running it. */
    RUNNING,
    /** Started but not finished, and nothing runs it: it resumes (from its checkpoint, if any) when run again. */
    STOPPED,
    /** Its process exited with an error; starting the sweep again tries it again. */
    FAILED,
    /** {@code metrics.json} exists. */
    COMPLETED;

    /** The lower-case name used in files and tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state of a lower-case name.
     *
     * @param label a name as {@link #label()} writes it
     * @return the state
     * @throws IllegalArgumentException for an unknown name
     */
    public static RunState of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
