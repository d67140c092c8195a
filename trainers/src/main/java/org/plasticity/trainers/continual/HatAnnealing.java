package org.plasticity.trainers.continual;

import java.util.Arrays;

/**
 * How HAT's gate slope s rises within every epoch (it restarts at each epoch, so every epoch starts
 * with gates near ½): {@code s = 1/smax + (smax − 1/smax)·p} with the progress p of the batch.
 */
enum HatAnnealing {
    /**
     * The authors' code (hat.md §1.4): {@code p = i/N} for the batch that starts at sample offset
     * {@code i = b·B} of the epoch's N samples, so the last batch stays below smax.
     */
    SAMPLES("samples") {
        @Override
        double progress(int batch, int batches, int batchSize, int samples) {
            return (double) batch * batchSize / samples;
        }
    },
    /** The paper: {@code p = (b − 1)/(B − 1)} for batch b = 1..B of the epoch (smax for a single batch). */
    BATCHES("batches") {
        @Override
        double progress(int batch, int batches, int batchSize, int samples) {
            return batches == 1 ? 1 : (double) batch / (batches - 1);
        }
    };

    private final String configName;

    HatAnnealing(String configName) {
        this.configName = configName;
    }

    /** The schedule a config's {@code method.hat.anneal} names. */
    static HatAnnealing of(String configName) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(configName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no HAT annealing " + configName));
    }

    /** Progress in [0, 1] of 0-based batch {@code batch} of {@code batches} over {@code samples} samples. */
    abstract double progress(int batch, int batches, int batchSize, int samples);

    /** The slope s for 0-based batch {@code batch} of an epoch. */
    double slope(double smax, int batch, int batches, int batchSize, int samples) {
        return 1 / smax + (smax - 1 / smax) * progress(batch, batches, batchSize, samples);
    }
}
