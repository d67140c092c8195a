package org.plasticity.trainers.adapt;

import org.plasticity.datasets.corruption.Corruption;

/**
 * One stream of test samples under one shift, normalised as the source model's inputs were.
 *
 * @param name       the stream's name in results: {@code clean}, {@code gaussian_noise@5}, {@code digits}
 * @param corruption the corruption, or null for the clean split and real shifts
 * @param severity   1..5, or 0 without a corruption
 * @param features   {@code size × dim} normalised features, row-major
 * @param labels     the labels the source head predicts
 * @param dim        features per sample
 */
public record ShiftStream(String name, Corruption corruption, int severity, float[] features, int[] labels, int dim) {

    /** Number of samples. */
    public int size() {
        return labels.length;
    }
}
