package org.plasticity.trainers;

import java.nio.file.Path;

/**
 * The run stopped on request after writing a checkpoint; {@code plasticity resume} continues it.
 * The launcher exits with {@link #EXIT_CODE}, which batch executors treat as "requeue".
 */
public final class RunInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** EX_TEMPFAIL: try again later. */
    public static final int EXIT_CODE = 75;

    public RunInterrupted(Path runDirectory) {
        super("stopped on request; checkpoint written. Continue with: plasticity resume " + runDirectory);
    }
}
