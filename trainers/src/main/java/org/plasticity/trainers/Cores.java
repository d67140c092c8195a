package org.plasticity.trainers;

/**
 * The cores this process may use, and the thread count a run gets from its config: oversubscribed OpenMP threads
 * spin at barriers and collapse throughput, so a run never uses more intra-op threads than there are available
 * cores. {@code run}, {@code resume}, {@code bench} and the sweep executors share this one rule.
 */
public final class Cores {
    private Cores() {
    }

    /** The cores available to the JVM (its CPU affinity and container limits included). */
    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The threads a run uses.
     *
     * @param requested the config's {@code threads}: 0 for all cores, else a count
     * @param cores the available cores
     * @return the thread count and, when the request was capped, the one-line notice saying so
     */
    public static Choice threads(int requested, int cores) {
        if (requested == 0) {
            return new Choice(cores, null);
        }
        if (requested > cores) {
            return new Choice(cores, "threads: " + requested + " is more than the " + cores
                    + " available cores; using " + cores + " (oversubscribed threads slow training down)");
        }
        return new Choice(requested, null);
    }

    /**
     * A thread count and why it differs from the request.
     *
     * @param threads the intra-op threads to use
     * @param notice one line for stderr when the request was capped, else null
     */
    public record Choice(int threads, String notice) {
    }
}
