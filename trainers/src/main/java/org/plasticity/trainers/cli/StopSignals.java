package org.plasticity.trainers.cli;

import org.plasticity.trainers.run.RunControl;
import sun.misc.Signal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT for a training process: the first asks the run to write a checkpoint at the
 * next step boundary and exit with the requeue code; a second one exits at once.
 */
final class StopSignals {
    /** Exit code for a second signal: 128 + SIGINT. */
    static final int IMMEDIATE_EXIT = 130;

    private StopSignals() {
    }

    static void install(RunControl control, PrintStream err) {
        AtomicInteger count = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (count.incrementAndGet() == 1) {
                    err.println("plasticity: SIG" + signal.getName()
                            + " received; writing a checkpoint at the next step boundary (signal again to exit now)");
                    control.requestStop();
                } else {
                    err.println("plasticity: second signal; exiting now");
                    Runtime.getRuntime().halt(IMMEDIATE_EXIT);
                }
            });
        }
    }
}
