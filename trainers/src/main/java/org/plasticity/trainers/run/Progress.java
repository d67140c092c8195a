package org.plasticity.trainers.run;

/** A progress display for one phase (a task's training, an evaluation). */
public interface Progress extends AutoCloseable {
    /** Advances by {@code n} units, optionally with a short status (e.g. the running loss). */
    void advance(long n, String status);

    @Override
    void close();

    /** Starts progress displays. */
    @FunctionalInterface
    interface Factory {
        /** A factory that shows nothing. */
        Factory NONE = (name, total, unit) -> new Progress() {
            @Override
            public void advance(long n, String status) {
            }

            @Override
            public void close() {
            }
        };

        /** Starts a display of {@code total} units called {@code name}. */
        Progress start(String name, long total, String unit);
    }
}
