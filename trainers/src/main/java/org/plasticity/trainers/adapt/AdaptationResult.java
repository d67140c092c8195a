package org.plasticity.trainers.adapt;

import java.util.List;
import java.util.Map;

/**
 * What an adaptation run measured, written as {@code metrics.json} (with {@code kind = "adaptation"}, which tells the
 * report it from a continual run).
 *
 * @param kind            always {@code adaptation}
 * @param name            the run's name
 * @param method          the adaptation method's type ({@code tent})
 * @param source          the source run directory
 * @param model           the source's model type ({@code cnn})
 * @param trainingMethod  how the source trained ({@code bptt}, {@code dsr})
 * @param device          the device it ran on
 * @param reset           {@code each-shift} or {@code continual}
 * @param batchSize       test samples per adapted batch
 * @param frost           what the frost corruption blended in: {@code photos} (the reference's, from
 *                        {@code shifts.frost}) or {@code procedural substitute}
 * @param shifts          one entry per stream, in order
 * @param meanError       the mean error over the corruption streams (the benchmark's "mean"), or null without any
 * @param meanErrorBySeverity the mean error over the corruptions at each severity
 * @param msPerBatch      wall milliseconds per adapted batch over all streams
 * @param wallTimeSeconds the whole run
 */
public record AdaptationResult(String kind, String name, String method, String source, String model,
                               String trainingMethod, String device, String reset, int batchSize,
                               String frost, List<ShiftResult> shifts, Double meanError, Map<String, Double> meanErrorBySeverity,
                               double msPerBatch, double wallTimeSeconds) {

    /** The {@code kind} of adaptation results. */
    public static final String KIND = "adaptation";

    /**
     * One stream's outcome.
     *
     * @param name        {@code clean}, {@code gaussian_noise@5}, {@code digits}
     * @param corruption  the corruption's name, or null
     * @param severity    1..5, or 0 without a corruption
     * @param samples     samples scored
     * @param error       1 − accuracy over the whole stream, each sample predicted once
     * @param msPerBatch  wall milliseconds per adapted batch of this stream
     * @param diagnostics method-specific values at the end of the stream (NHL: conv1's mean filter norm)
     */
    public record ShiftResult(String name, String corruption, int severity, int samples, double error,
                              double msPerBatch, Map<String, Double> diagnostics) {
    }
}
