package org.plasticity.trainers.run;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests from outside a running trainer: a stop (SIGTERM/SIGINT, a time limit) that the trainer
 * honours at the next step boundary by writing a checkpoint and ending with
 * {@link org.plasticity.trainers.RunInterrupted}.
 */
public final class RunControl {
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Asks the run to checkpoint and stop at the next step boundary. */
    public void requestStop() {
        stop.set(true);
    }

    public boolean stopRequested() {
        return stop.get();
    }
}
